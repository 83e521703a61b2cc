package org.teletherapy.web.mydata;

import org.springframework.stereotype.Component;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The signed-in client's whole record, fetched from the FHIR endpoints of the services that own its parts (through
 * the gateway, with the client's own token, so each service decides what is theirs) and put together as one FHIR
 * {@code collection} Bundle, the shape {@code Patient/$everything} answers. The web app adds nothing and leaves
 * nothing out: what the services return is what the client gets.
 */
@Component
class MyRecord {

    static final String FHIR = "/fhir/r4";

    private final Api api;

    MyRecord(Api api) {
        this.api = api;
    }

    /**
     * One search's resources, the FHIR base the service answered with (for the entries' full URLs), and the
     * OperationOutcomes it sent about the search (e.g. a warning that something is listed incomplete).
     */
    record Found(List<Map<String, Object>> resources, String base, List<Map<String, Object>> outcomes) {
    }

    /** The parts, each as the service that owns it answered. */
    record Parts(Map<String, Object> patient, List<Map<String, Object>> practitioners, Found appointments,
                 Found responses, Found observations, Found documents) {

        List<Map<String, Object>> all() {
            List<Map<String, Object>> all = new ArrayList<>();
            all.add(patient);
            all.addAll(practitioners);
            all.addAll(appointments.resources());
            all.addAll(responses.resources());
            all.addAll(observations.resources());
            all.addAll(documents.resources());
            all.addAll(outcomes());
            return all;
        }

        /** What the services said about their parts: the download keeps it, the page says it in words. */
        List<Map<String, Object>> outcomes() {
            List<Map<String, Object>> outcomes = new ArrayList<>();
            for (Found found : List.of(appointments, responses, observations, documents)) {
                outcomes.addAll(found.outcomes());
            }
            return outcomes;
        }
    }

    /** Every part, or the failure of the first that could not be had: a record with a hole is not handed out. */
    Mono<Parts> of(UUID client) {
        String patient = "Patient/" + client;
        return Mono.zip(read("/Patient/" + client), search("/Appointment?patient=" + patient),
                        search("/QuestionnaireResponse?patient=" + patient), search("/Observation?patient=" + patient),
                        search("/DocumentReference?patient=" + patient))
                .flatMap(found -> practitioners(found.getT2(), found.getT5())
                        .map(practitioners -> new Parts(found.getT1(), practitioners, found.getT2(), found.getT3(),
                                found.getT4(), found.getT5())));
    }

    /** The collection Bundle of the parts; each entry keeps the full URL of the service it came from. */
    static Map<String, Object> bundle(Parts parts, Instant now) {
        String base = parts.appointments().base();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> resource : parts.all()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fullUrl", base + "/" + resource.get("resourceType") + "/" + resource.get("id"));
            entry.put("resource", resource);
            entries.add(entry);
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", UUID.randomUUID().toString());
        bundle.put("type", "collection");
        bundle.put("timestamp", now.toString());
        bundle.put("entry", entries);
        return bundle;
    }

    /**
     * The therapists the record names (sessions, note authors). One who no longer treats the client is not theirs
     * to read any more (404): the references stay, the name does not.
     */
    private Mono<List<Map<String, Object>>> practitioners(Found appointments, Found documents) {
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> appointment : appointments.resources()) {
            for (Map<String, Object> participant : maps(appointment.get("participant"))) {
                referenced(participant.get("actor"), "Practitioner/").ifPresent(ids::add);
            }
        }
        for (Map<String, Object> document : documents.resources()) {
            for (Map<String, Object> author : maps(document.get("author"))) {
                referenced(author, "Practitioner/").ifPresent(ids::add);
            }
        }
        return Flux.fromIterable(ids)
                .concatMap(id -> read("/Practitioner/" + id)
                        .onErrorResume(error -> error instanceof ApiProblem problem && problem.status().value() == 404,
                                gone -> Mono.empty()))
                .collectList();
    }

    static java.util.Optional<String> referenced(Object reference, String prefix) {
        if (reference instanceof Map<?, ?> map && map.get("reference") instanceof String text && text.startsWith(prefix)) {
            return java.util.Optional.of(text.substring(prefix.length()));
        }
        return java.util.Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private Mono<Map<String, Object>> read(String path) {
        return api.get(FHIR + path, Map.class).map(body -> (Map<String, Object>) body);
    }

    private Mono<Found> search(String pathAndQuery) {
        return read(pathAndQuery).map(bundle -> new Found(entries(bundle, false), base(bundle, pathAndQuery),
                entries(bundle, true)));
    }

    /** The searchset's matches, or its outcomes ({@code search.mode} {@code outcome}). */
    private static List<Map<String, Object>> entries(Map<String, Object> bundle, boolean outcomes) {
        return maps(bundle.get("entry")).stream()
                .filter(entry -> outcomes == (entry.get("search") instanceof Map<?, ?> search
                        && "outcome".equals(search.get("mode"))))
                .map(entry -> entry.get("resource"))
                .filter(Map.class::isInstance).map(MyRecord::map).toList();
    }

    /** The base the service named in its self link, up to the resource type searched. */
    private static String base(Map<String, Object> bundle, String pathAndQuery) {
        String type = pathAndQuery.substring(0, pathAndQuery.indexOf('?'));
        for (Map<String, Object> link : maps(bundle.get("link"))) {
            if ("self".equals(link.get("relation")) && link.get("url") instanceof String url && url.contains(type + "?")) {
                return url.substring(0, url.indexOf(type + "?"));
            }
        }
        return FHIR;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    static List<Map<String, Object>> maps(Object value) {
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(MyRecord::map).toList();
    }
}
