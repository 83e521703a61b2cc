package org.teletherapy.notes.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The operators' view of the access audit: metadata only (operators never see clinical content), the chain
 * verification, and the FHIR export. Looking at the audit is itself audited.
 */
@RestController
@RequestMapping("/api/v1/notes/audit")
@PreAuthorize("hasRole('OPERATOR')")
class AuditController {

    private final AuditTrail trail;
    private final AuditChainVerifier verifier;
    private final Clock clock;

    AuditController(AuditTrail trail, AuditChainVerifier verifier, Clock clock) {
        this.trail = trail;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Entries in chain order, a page at a time: pass the last {@code sequence} seen as {@code after}. */
    @GetMapping
    Mono<List<AuditEntryView>> entries(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                       @RequestParam(defaultValue = "0") @Min(0) long after,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return trail.audited(context(jwt, request), AuditAction.READ, "audit.view", null,
                trail.entriesAfter(after, limit).map(AuditEntryView::of).collectList(), page -> null);
    }

    /** Walks the whole chain and names the first broken link. */
    @GetMapping("/verification")
    Mono<ChainVerification> verification(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request) {
        return trail.audited(context(jwt, request), AuditAction.EXECUTE, "audit.verify", null, verifier.verify(),
                result -> null);
    }

    /** The entries as a FHIR R4 Bundle of AuditEvent resources. */
    @GetMapping(value = "/fhir", produces = {FhirAuditEvents.MEDIA_TYPE, "application/json"})
    Mono<Map<String, Object>> fhir(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                   @RequestParam(defaultValue = "0") @Min(0) long after,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return trail.audited(context(jwt, request), AuditAction.READ, "audit.export", null,
                trail.entriesAfter(after, limit).collectList()
                        .map(entries -> FhirAuditEvents.bundle(entries, clock.instant())), bundle -> null);
    }

    private static AuditContext context(Jwt jwt, ServerHttpRequest request) {
        return AuditContext.of(Caller.from(jwt), Role.OPERATOR, RequestIdWebFilter.requestId(request));
    }
}
