package org.teletherapy.notes.fhir;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditEntry;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.notes.audit.FhirAuditEvents;
import org.teletherapy.notes.caseload.Caseload;
import org.teletherapy.notes.note.SignedProgressNotes;
import org.teletherapy.service.fhir.CapabilityStatements;
import org.teletherapy.service.fhir.CapabilityStatements.SearchParam;
import org.teletherapy.service.fhir.CapabilityStatements.Served;
import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.service.fhir.FhirEndpoint;
import org.teletherapy.service.fhir.FhirProblems.InvalidSearchException;
import org.teletherapy.service.fhir.FhirProblems.ResourceNotFoundException;
import org.teletherapy.service.fhir.FhirProperties;
import org.teletherapy.service.fhir.Search;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR R4 of what notes-service owns: signed progress notes as DocumentReference (for the client themselves and the
 * therapist who wrote them, while the client is on their roster) and the access audit as AuditEvent (operators
 * only, metadata without content, as the audit export). Psychotherapy notes never leave through here. Every search
 * is itself audited, in the same transaction as the read.
 */
@RestController
@FhirEndpoint
@RequestMapping(value = Fhir.BASE_PATH, produces = {Fhir.MEDIA_TYPE_VALUE, "application/json"})
class NotesFhirController {

    private static final int DEFAULT_COUNT = 100;
    private static final int MAX_COUNT = 1000;

    private final SignedProgressNotes notes;
    private final Caseload caseload;
    private final AuditTrail audit;
    private final FhirProperties fhir;
    private final Clock clock;

    NotesFhirController(SignedProgressNotes notes, Caseload caseload, AuditTrail audit, FhirProperties fhir, Clock clock) {
        this.notes = notes;
        this.caseload = caseload;
        this.audit = audit;
        this.fhir = fhir;
        this.clock = clock;
    }

    /** Open without a token, as FHIR clients discover a server before signing in. */
    @GetMapping("/metadata")
    Map<String, Object> metadata() {
        return CapabilityStatements.of("notes-service", fhir.baseUrl(), clock.instant(), List.of(
                new Served("DocumentReference", false,
                        List.of(new SearchParam("patient", "reference", "Patient/<id>; required.")),
                        "Signed progress notes with their addenda, as text. Psychotherapy notes and drafts are never "
                                + "served."),
                new Served("AuditEvent", false,
                        List.of(new SearchParam("after", "number", "Entries after this chain sequence number (paging)."),
                                new SearchParam("_count", "number", "Page size, 1 to 1000; 100 by default.")),
                        "The hash-chained access audit of clinical notes, for operators: metadata only.")));
    }

    @GetMapping("/DocumentReference")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> documentReferences(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                                 @RequestParam MultiValueMap<String, String> parameters) {
        Search.onlyKnown(parameters, Set.of("patient"));
        UUID patient = Search.patient(parameters);
        Caller caller = Caller.from(jwt);
        boolean own = caller.is(Role.CLIENT) && caller.id().equals(patient);
        // A therapist gets the notes they wrote (DESIGN.md §5), while the client is on their roster.
        Mono<Boolean> allowed = own ? Mono.just(true)
                : caller.is(Role.THERAPIST) ? caseload.onRoster(caller.id(), patient) : Mono.just(false);
        Mono<Map<String, Object>> search = allowed
                .flatMap(yes -> yes ? notes.ofClient(patient, own ? null : caller.id())
                        .map(ClinicalDocuments::documentReference).collectList()
                        : Mono.error(new ResourceNotFoundException("Patient")))
                .map(found -> Fhir.searchset(fhir.baseUrl(), "/DocumentReference?patient=Patient/" + patient, found,
                        clock.instant()));
        AuditContext context = AuditContext.of(caller, own ? Role.CLIENT : Role.THERAPIST,
                RequestIdWebFilter.requestId(request));
        return audit.audited(context, AuditAction.READ, "note.export", null, search, bundle -> patient);
    }

    @GetMapping("/AuditEvent")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<Map<String, Object>> auditEvents(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                          @RequestParam MultiValueMap<String, String> parameters) {
        Search.onlyKnown(parameters, Set.of("after", "_count"));
        long after = number(parameters, "after", 0, 0, Long.MAX_VALUE);
        int count = (int) number(parameters, "_count", DEFAULT_COUNT, 1, MAX_COUNT);
        AuditContext context = AuditContext.of(Caller.from(jwt), Role.OPERATOR, RequestIdWebFilter.requestId(request));
        Mono<Map<String, Object>> search = audit.entriesAfter(after, count).collectList()
                .map(entries -> page(entries, after, count));
        return audit.audited(context, AuditAction.READ, "audit.export", null, search, bundle -> null);
    }

    private Map<String, Object> page(List<AuditEntry> entries, long after, int count) {
        Map<String, Object> bundle = Fhir.searchset(fhir.baseUrl(), "/AuditEvent?after=" + after + "&_count=" + count,
                entries.stream().map(FhirAuditEvents::auditEvent).toList(), clock.instant());
        if (entries.size() == count) {
            // A full page: there may be more after its last entry.
            List<Object> links = new ArrayList<>((List<?>) bundle.get("link"));
            links.add(Fhir.ordered("relation", "next", "url", fhir.baseUrl() + "/AuditEvent?after="
                    + entries.get(entries.size() - 1).sequence() + "&_count=" + count));
            bundle.put("link", links);
        }
        return bundle;
    }

    private static long number(MultiValueMap<String, String> parameters, String name, long fallback, long min, long max) {
        String value = parameters.getFirst(name);
        if (value == null) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number < min || number > max) {
                throw new InvalidSearchException(name, "must be between " + min + " and " + max + ".");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidSearchException(name, "must be a whole number.");
        }
    }
}
