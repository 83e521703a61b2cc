package org.teletherapy.sessions.erasure;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.UUID;

/**
 * A client's erasure across the platform, for operators only (GDPR Art. 17). Starting answers 202 with the erasure
 * as it begins; the same client again answers 200 with the erasure that exists. Its status shows each part.
 */
@RestController
@PreAuthorize("hasRole('OPERATOR')")
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    /**
     * @param reason    why, as a code: free text could say anything about the client
     * @param reference optional ticket or case number of the request, e.g. {@code DSR-2031}
     */
    record ErasureRequest(
            @NotNull UUID clientId,
            @NotNull ErasureReason reason,
            @Nullable @Pattern(regexp = "[A-Za-z0-9._:/#-]{1,64}", message = "must be a short reference such as a ticket number") String reference) {
    }

    @ApiResponse(responseCode = "202", description = "Started", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Started before: the existing erasure", useReturnTypeSchema = true)
    @ProblemTypes(unprocessable = {"unknown-client", "not-a-client"}, unavailable = "identity-unavailable")
    @PostMapping("/api/v1/erasures")
    Mono<ResponseEntity<ErasureView>> start(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody ErasureRequest request) {
        return erasures.start(Caller.from(jwt), request.clientId(), request.reason(), request.reference())
                .map(started -> ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                        .location(URI.create("/api/v1/erasures/" + started.erasure().id()))
                        .body(started.erasure()));
    }

    @ProblemTypes(notFound = "erasure-not-found")
    @GetMapping("/api/v1/erasures/{id}")
    Mono<ErasureView> one(@PathVariable UUID id) {
        return erasures.find(id);
    }
}
