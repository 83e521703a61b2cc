package org.teletherapy.notes.erasure;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * An operator's erasure of a client's notes, for example on a request under GDPR Art. 17 handled outside the
 * platform's account erasure. Answers 201 for the erasure, 200 when the client had been erased already.
 */
@RestController
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @ApiResponse(responseCode = "201", description = "Erased now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Erased before", useReturnTypeSchema = true)
    @PostMapping("/api/v1/notes/erasures")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<ResponseEntity<Erasures.Erasure>> erase(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                                 @Valid @RequestBody ErasureRequest erasure) {
        Caller operator = Caller.from(jwt);
        return erasures.erase(AuditContext.of(operator, Role.OPERATOR, RequestIdWebFilter.requestId(request)),
                        erasure.clientId(), "operator", operator.id(), erasure.reason(), erasure.reference())
                .map(done -> ResponseEntity.status(done.alreadyErased() ? HttpStatus.OK : HttpStatus.CREATED).body(done));
    }

    /**
     * @param reason    why, as a code: free text could say anything about the client
     * @param reference optional ticket or case number of the request, e.g. {@code DSR-2031}
     */
    record ErasureRequest(
            @NotNull UUID clientId,
            @NotNull @Pattern(regexp = "client-request|consent-withdrawn|legal-obligation|retention-expired",
                    message = "must be client-request, consent-withdrawn, legal-obligation or retention-expired") String reason,
            @Pattern(regexp = "[A-Za-z0-9._:/#-]{1,64}", message = "must be a short reference such as a ticket number") String reference) {
    }
}
