package org.teletherapy.notes.note;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditOutcome;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.service.problem.Problems;
import org.teletherapy.service.security.AccessRefusalListener;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.UUID;

/**
 * A client or an operator tried a therapist's note endpoint: the attempt is recorded before the 403 goes out, like
 * every other failed access. Roles are refused in the security filter chain, before the body is read, so that an
 * invalid body is refused and audited too; the advice covers a refusal by the controller's own method security.
 */
@RestControllerAdvice(assignableTypes = NoteController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedNoteAccess implements AccessRefusalListener {

    private final AuditTrail audit;

    RefusedNoteAccess(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<ProblemDetail>> refused(AccessDeniedException refusal, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> forbidden = ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this."));
        return record(exchange).thenReturn(forbidden);
    }

    @Override
    public Mono<Void> refused(ServerWebExchange exchange) {
        return exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && NoteController.class.equals(handler.getBeanType()) ? record(exchange) : Mono.empty();
    }

    private Mono<Void> record(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .ofType(JwtAuthenticationToken.class)
                .flatMap(token -> audit.record(AuditContext.of(Caller.from(token.getToken()), Role.THERAPIST,
                                RequestIdWebFilter.requestId(exchange.getRequest()))
                        .record(actionOf(exchange), "note.access", noteIdOf(exchange), null, AuditOutcome.DENIED)))
                .then();
    }

    private static AuditAction actionOf(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (HttpMethod.POST.equals(method)) {
            return exchange.getRequest().getPath().value().endsWith("/sign") ? AuditAction.UPDATE : AuditAction.CREATE;
        }
        if (HttpMethod.PUT.equals(method)) {
            return AuditAction.UPDATE;
        }
        if (HttpMethod.DELETE.equals(method)) {
            return AuditAction.DELETE;
        }
        return AuditAction.READ;
    }

    private static UUID noteIdOf(ServerWebExchange exchange) {
        Map<String, String> variables = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        try {
            return variables == null || variables.get("id") == null ? null : UUID.fromString(variables.get("id"));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
