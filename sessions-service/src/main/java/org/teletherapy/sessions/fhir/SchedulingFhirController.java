package org.teletherapy.sessions.fhir;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.fhir.CapabilityStatements;
import org.teletherapy.service.fhir.CapabilityStatements.SearchParam;
import org.teletherapy.service.fhir.CapabilityStatements.Served;
import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.service.fhir.FhirEndpoint;
import org.teletherapy.service.fhir.FhirProblems.ResourceNotFoundException;
import org.teletherapy.service.fhir.FhirProperties;
import org.teletherapy.service.fhir.Search;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.sessions.booking.SessionStore;
import org.teletherapy.sessions.onboarding.People;
import org.teletherapy.sessions.roster.RosterStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * FHIR R4 reads of what sessions-service owns: the people (from Keycloak) and their sessions. A client reads their
 * own record, a therapist that of clients on their roster (and only their own sessions with them); anything else is
 * 404, as if it did not exist. Operators read no personal record here (403 by role).
 */
@RestController
@FhirEndpoint
@RequestMapping(value = Fhir.BASE_PATH, produces = {Fhir.MEDIA_TYPE_VALUE, "application/json"})
class SchedulingFhirController {

    private final People people;
    private final RosterStore roster;
    private final SessionStore sessions;
    private final FhirProperties fhir;
    private final Clock clock;

    SchedulingFhirController(People people, RosterStore roster, SessionStore sessions, FhirProperties fhir, Clock clock) {
        this.people = people;
        this.roster = roster;
        this.sessions = sessions;
        this.fhir = fhir;
        this.clock = clock;
    }

    /**
     * This service's CapabilityStatement; the gateway routes {@code /fhir/r4/metadata} here, and each service's own
     * is reachable under its own port. Open without a token, as FHIR clients discover a server before signing in.
     */
    @GetMapping("/metadata")
    Map<String, Object> metadata() {
        SearchParam patient = new SearchParam("patient", "reference", "Patient/<id>; required.");
        return CapabilityStatements.of("sessions-service", fhir.baseUrl(), clock.instant(), List.of(
                new Served("Patient", true, List.of(), "Name and e-mail address, from the identity provider."),
                new Served("Practitioner", true, List.of(), "A therapist's name."),
                new Served("Appointment", false, List.of(patient),
                        "Therapy sessions: booked, fulfilled, cancelled (with a coded reason) or noshow.")));
    }

    @GetMapping("/Patient/{id}")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> patient(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID patient = Search.id("id", id);
        return mayRead(Caller.from(jwt), patient)
                .then(people.find(patient))
                .map(SchedulingResources::patient)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Patient")));
    }

    @GetMapping("/Practitioner/{id}")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> practitioner(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        UUID practitioner = Search.id("id", id);
        Caller caller = Caller.from(jwt);
        // A therapist reads themselves; a client the therapists treating them.
        Mono<Boolean> allowed = caller.is(Role.THERAPIST) && caller.id().equals(practitioner) ? Mono.just(true)
                : caller.is(Role.CLIENT) ? roster.isLinked(practitioner, caller.id()) : Mono.just(false);
        return allowed
                .flatMap(yes -> yes ? people.find(practitioner) : Mono.empty())
                .map(SchedulingResources::practitioner)
                .switchIfEmpty(Mono.error(() -> new ResourceNotFoundException("Practitioner")));
    }

    @GetMapping("/Appointment")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> appointments(@AuthenticationPrincipal Jwt jwt,
                                           @RequestParam MultiValueMap<String, String> parameters) {
        Search.onlyKnown(parameters, Set.of("patient"));
        UUID patient = Search.patient(parameters);
        Caller caller = Caller.from(jwt);
        UUID withTherapist = caller.is(Role.CLIENT) && caller.id().equals(patient) ? null : caller.id();
        return mayRead(caller, patient)
                .thenMany(sessions.recordsOf(patient, withTherapist))
                .map(SchedulingResources::appointment)
                .collectList()
                .map(found -> Fhir.searchset(fhir.baseUrl(), "/Appointment?patient=Patient/" + patient, found,
                        clock.instant()));
    }

    /** Empty when the caller may read the patient's record; a 404 error otherwise. */
    private Mono<Void> mayRead(Caller caller, UUID patient) {
        if (caller.is(Role.CLIENT) && caller.id().equals(patient)) {
            return Mono.empty();
        }
        if (caller.is(Role.THERAPIST)) {
            return roster.isLinked(caller.id(), patient)
                    .flatMap(linked -> linked ? Mono.<Void>empty() : Mono.error(new ResourceNotFoundException("Patient")));
        }
        return Mono.error(new ResourceNotFoundException("Patient"));
    }
}
