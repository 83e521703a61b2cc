package org.teletherapy.exercises.assignment;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentController {

    private final AssignmentService assignments;

    AssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    /** A therapist gives a client on their roster homework from a template, once or recurring. */
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemTypes(unprocessable = {"due-date-in-past", "invalid-recurrence", "unknown-template", "client-not-on-roster",
            "session-mismatch", "session-not-held"})
    @PostMapping
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<ResponseEntity<AssignmentView>> assign(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AssignRequest request) {
        return assignments.assign(Caller.from(jwt).id(), request)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/assignments/" + created.id())).body(created));
    }

    /** A client's homework, or the homework a therapist gave (filterable by client and status); soonest due first. */
    @ProblemTypes(badRequest = "invalid-status")
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<AssignmentView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable UUID clientId,
                              @RequestParam(required = false) @Nullable String status) {
        AssignmentStatus wanted = status == null ? null
                : AssignmentStatus.fromWire(status).orElseThrow(AssignmentProblems.InvalidStatusFilterException::new);
        return assignments.list(Caller.from(jwt), clientId, wanted);
    }

    @ProblemTypes(notFound = "assignment-not-found")
    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<AssignmentView> one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return assignments.one(Caller.from(jwt), id);
    }

    /** The client saves work in progress; the first draft moves the assignment to in progress. */
    @ProblemTypes(notFound = "assignment-not-found", conflict = "already-submitted", unprocessable = "invalid-answers")
    @PutMapping("/{id}/draft")
    @PreAuthorize("hasRole('CLIENT')")
    Mono<AssignmentView> saveDraft(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                   @Valid @RequestBody Answers draft) {
        return assignments.saveDraft(Caller.from(jwt), id, draft.answers());
    }

    @ProblemTypes(notFound = "assignment-not-found", conflict = {"already-reviewed", "not-submitted"})
    @PostMapping("/{id}/review")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<AssignmentView> review(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id, @Valid @RequestBody Review review) {
        return assignments.review(Caller.from(jwt), id, review.comment());
    }

    record Answers(@NotNull Map<String, JsonNode> answers) {
    }

    /** @param comment the therapist's feedback to the client; may be left out */
    record Review(@Nullable @Size(max = 4000) String comment) {
    }
}
