package org.teletherapy.exercises.submission;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.idempotency.IdempotencyKeys;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/assignments/{assignmentId}/submissions")
class SubmissionController {


    private final SubmissionService submissions;

    SubmissionController(SubmissionService submissions) {
        this.submissions = submissions;
    }

    /** The client hands the assignment in; a questionnaire comes back scored. */
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemTypes(badRequest = "invalid-idempotency-key", notFound = "assignment-not-found",
            conflict = "already-submitted", unprocessable = {"invalid-answers", "incomplete-questionnaire",
            "idempotency-key-reused"})
    @PostMapping
    @PreAuthorize("hasRole('CLIENT')")
    Mono<ResponseEntity<SubmissionResult>> submit(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID assignmentId,
                                                  @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey,
                                                  @Valid @RequestBody Answers body) {
        return submissions.submit(Caller.from(jwt), assignmentId, body.answers(), IdempotencyKeys.check(idempotencyKey))
                .map(result -> ResponseEntity
                        .created(URI.create("/api/v1/assignments/" + assignmentId + "/submissions/" + result.id()))
                        .body(result));
    }

    /** The response handed in, with its answers: to the client who wrote it and the therapist who assigned it. */
    @ProblemTypes(notFound = "assignment-not-found")
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<SubmissionResult> read(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID assignmentId) {
        return submissions.read(Caller.from(jwt), assignmentId).flux();
    }

    record Answers(@NotNull Map<String, JsonNode> answers) {
    }
}
