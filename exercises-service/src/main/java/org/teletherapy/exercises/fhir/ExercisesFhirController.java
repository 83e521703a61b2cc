package org.teletherapy.exercises.fhir;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.exercises.assignment.AssignmentRef;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.exercises.fhir.ExerciseResources.Loinc;
import org.teletherapy.exercises.measure.Measures;
import org.teletherapy.exercises.roster.Roster;
import org.teletherapy.exercises.submission.SubmittedAnswers;
import org.teletherapy.exercises.template.Templates;
import org.teletherapy.service.fhir.CapabilityStatements;
import org.teletherapy.service.fhir.CapabilityStatements.SearchParam;
import org.teletherapy.service.fhir.CapabilityStatements.Served;
import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.service.fhir.FhirEndpoint;
import org.teletherapy.service.fhir.FhirProblems.InvalidSearchException;
import org.teletherapy.service.fhir.FhirProblems.ResourceNotFoundException;
import org.teletherapy.service.fhir.FhirProperties;
import org.teletherapy.service.fhir.OperationOutcomes;
import org.teletherapy.service.fhir.Search;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * FHIR R4 searches of what exercises-service owns: handed-in homework and questionnaires, and the scores of PHQ-9 and
 * GAD-7. A client searches their own; a therapist those of clients on their roster, and only what they assigned;
 * anything else is 404. Operators read no personal record (403 by role).
 */
@RestController
@FhirEndpoint
@RequestMapping(value = Fhir.BASE_PATH, produces = {Fhir.MEDIA_TYPE_VALUE, "application/json"})
class ExercisesFhirController {

    private final Assignments assignments;
    private final SubmittedAnswers answers;
    private final Templates templates;
    private final Measures measures;
    private final Roster roster;
    private final FhirProperties fhir;
    private final Clock clock;

    ExercisesFhirController(Assignments assignments, SubmittedAnswers answers, Templates templates, Measures measures,
                            Roster roster, FhirProperties fhir, Clock clock) {
        this.assignments = assignments;
        this.answers = answers;
        this.templates = templates;
        this.measures = measures;
        this.roster = roster;
        this.fhir = fhir;
        this.clock = clock;
    }

    /** Open without a token, as FHIR clients discover a server before signing in. */
    @GetMapping("/metadata")
    Map<String, Object> metadata() {
        SearchParam patient = new SearchParam("patient", "reference", "Patient/<id>; required.");
        SearchParam code = new SearchParam("code", "token",
                "LOINC: 44249-1 or 44261-6 (PHQ-9), 69737-5 or 70274-6 (GAD-7); several comma-separated.");
        return CapabilityStatements.of("exercises-service", fhir.baseUrl(), clock.instant(), List.of(
                new Served("QuestionnaireResponse", false, List.of(patient),
                        "Homework and questionnaires handed in, with their answers."),
                new Served("Observation", false, List.of(patient, code),
                        "PHQ-9 and GAD-7 total scores, with their severity band.")));
    }

    @GetMapping("/QuestionnaireResponse")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> questionnaireResponses(@AuthenticationPrincipal Jwt jwt,
                                                     @RequestParam MultiValueMap<String, String> parameters) {
        Search.onlyKnown(parameters, Set.of("patient"));
        UUID patient = Search.patient(parameters);
        Caller caller = Caller.from(jwt);
        return mayRead(caller, patient)
                .then(assignments.ofClient(patient, ownRecord(caller, patient) ? null : caller.id())
                        .collectMap(AssignmentRef::id))
                .flatMap(visible -> templates.find(visible.values().stream().map(AssignmentRef::templateId)
                                .collect(Collectors.toSet()))
                        .flatMap(byId -> answers.ofClient(patient)
                                // Only hand-ins of assignments the caller sees: a therapist's own, a client's released.
                                .filter(response -> visible.containsKey(response.assignmentId()))
                                .collectList()
                                .map(found -> Fhir.searchset(fhir.baseUrl(),
                                        "/QuestionnaireResponse?patient=Patient/" + patient,
                                        found.stream().map(response -> ExerciseResources.questionnaireResponse(response,
                                                byId.get(visible.get(response.assignmentId()).templateId()),
                                                fhir.baseUrl())).toList(),
                                        unreadable(found), clock.instant()))));
    }

    /** A warning for each hand-in listed without its answers because they failed their integrity check. */
    private static List<Map<String, Object>> unreadable(List<SubmittedAnswers.Response> found) {
        List<String> warnings = found.stream().filter(SubmittedAnswers.Response::unreadable)
                .map(response -> "The answers of QuestionnaireResponse/" + response.id() + " failed their integrity "
                        + "check and are left out; the hand-in itself is listed. The incident is logged.")
                .toList();
        return warnings.isEmpty() ? List.of() : List.of(OperationOutcomes.warnings("incomplete", warnings));
    }

    @GetMapping("/Observation")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Map<String, Object>> observations(@AuthenticationPrincipal Jwt jwt,
                                           @RequestParam MultiValueMap<String, String> parameters) {
        Search.onlyKnown(parameters, Set.of("patient", "code"));
        UUID patient = Search.patient(parameters);
        Set<Instrument> wanted = instruments(Search.tokens(parameters, "code"));
        Caller caller = Caller.from(jwt);
        return mayRead(caller, patient)
                .thenMany(measures.history(patient, null))
                .filter(measure -> wanted.contains(org.teletherapy.exercises.scoring.Instruments
                        .byName(measure.instrument()).orElseThrow()))
                .map(ExerciseResources::observation)
                .collectList()
                .map(found -> Fhir.searchset(fhir.baseUrl(), "/Observation?patient=Patient/" + patient
                        + (parameters.containsKey("code") ? "&code=" + codes(wanted) : ""), found, clock.instant()));
    }

    /** The instruments the code tokens name; all of them without a code. A code we do not have is refused. */
    private static Set<Instrument> instruments(List<Search.Token> tokens) {
        if (tokens.isEmpty()) {
            return EnumSet.allOf(Instrument.class);
        }
        Set<Instrument> wanted = EnumSet.noneOf(Instrument.class);
        for (Search.Token token : tokens) {
            Instrument instrument = Arrays.stream(Instrument.values())
                    .filter(candidate -> token.matches(ExerciseResources.LOINC, Loinc.of(candidate).panel())
                            || token.matches(ExerciseResources.LOINC, Loinc.of(candidate).total()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidSearchException("code",
                            "must be a LOINC code of PHQ-9 (44249-1, 44261-6) or GAD-7 (69737-5, 70274-6)."));
            wanted.add(instrument);
        }
        return wanted;
    }

    private static String codes(Set<Instrument> instruments) {
        return instruments.stream().map(instrument -> ExerciseResources.LOINC + "|" + Loinc.of(instrument).total())
                .collect(Collectors.joining(","));
    }

    private static boolean ownRecord(Caller caller, UUID patient) {
        return caller.is(Role.CLIENT) && caller.id().equals(patient);
    }

    /** Empty when the caller may read the patient's record; a 404 error otherwise. */
    private Mono<Void> mayRead(Caller caller, UUID patient) {
        if (ownRecord(caller, patient)) {
            return Mono.empty();
        }
        if (caller.is(Role.THERAPIST)) {
            return roster.isOnRoster(caller.id(), patient)
                    .flatMap(linked -> linked ? Mono.<Void>empty() : Mono.error(new ResourceNotFoundException("Patient")));
        }
        return Mono.error(new ResourceNotFoundException("Patient"));
    }
}
