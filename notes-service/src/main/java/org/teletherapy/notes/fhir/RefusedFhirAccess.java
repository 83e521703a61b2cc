package org.teletherapy.notes.fhir;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditOutcome;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.service.security.AccessRefusalListener;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

/**
 * Someone whose role may not read notes (an operator) asked for the FHIR export of notes: refused by role before the
 * handler runs, and recorded like every other failed access to clinical notes.
 */
@Component
class RefusedFhirAccess implements AccessRefusalListener {

    private final AuditTrail audit;

    RefusedFhirAccess(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Mono<Void> refused(ServerWebExchange exchange) {
        if (!(exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)
                || !NotesFhirController.class.equals(handler.getBeanType())) {
            return Mono.empty();
        }
        String activity = exchange.getRequest().getPath().value().endsWith("/AuditEvent") ? "audit.export" : "note.export";
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .flatMap(token -> audit.record(AuditContext.of(Caller.from(token.getToken()), Role.THERAPIST,
                                RequestIdWebFilter.requestId(exchange.getRequest()))
                        .record(AuditAction.READ, activity, null, null, AuditOutcome.DENIED)))
                .then();
    }
}
