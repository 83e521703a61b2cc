package org.teletherapy.notes.accesslog;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditEntry;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.notes.note.SignedProgressNotes;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "Who saw my record", the notes part: a client's own entries of the access audit, newest first. Who (role, and the
 * staff member's id so the page can name their therapist), when, what and how it ended. Only entries about progress
 * notes, or about no note: psychotherapy notes are their author's alone, and even that one exists is not the
 * client's to learn (HIPAA keeps them out of the right of access). Looking at the log is audited too.
 */
@RestController
class AccessLogController {

    private final AuditTrail audit;
    private final SignedProgressNotes notes;

    AccessLogController(AuditTrail audit, SignedProgressNotes notes) {
        this.audit = audit;
        this.notes = notes;
    }

    /**
     * @param actorId the staff member who acted; null for the platform itself, and for the client's own acts
     * @param actorRole therapist, operator, client or system
     * @param noteId    the progress note concerned (its DocumentReference id), if the entry is about one
     */
    record AccessLogEntry(Instant at, String actorRole, UUID actorId, boolean you, String action, String activity,
                          UUID noteId, String outcome) {
    }

    @GetMapping("/api/v1/notes/access-log")
    @PreAuthorize("hasRole('CLIENT')")
    Mono<List<AccessLogEntry>> mine(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                    @RequestParam(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        Caller client = Caller.from(jwt);
        AuditContext context = AuditContext.of(client, Role.CLIENT, RequestIdWebFilter.requestId(request));
        Mono<List<AccessLogEntry>> entries = notes.progressNoteIdsOf(client.id())
                .flatMap(shown -> audit.entriesOfClient(client.id(), limit)
                        .filter(entry -> entry.noteId() == null || shown.contains(entry.noteId()))
                        .map(entry -> view(entry, client.id()))
                        .collectList());
        return audit.audited(context, AuditAction.READ, "access-log.read", null, entries, list -> client.id());
    }

    private static final Set<String> STAFF = Set.of("therapist", "operator");

    private static AccessLogEntry view(AuditEntry entry, UUID client) {
        boolean you = client.equals(entry.actorId());
        // Only staff are named (by id): never another person who is not staff, should one ever appear here.
        UUID actor = STAFF.contains(entry.actorRole()) ? entry.actorId() : null;
        return new AccessLogEntry(entry.occurredAt(), entry.actorRole(), actor, you, entry.action(), entry.activity(),
                entry.noteId(), entry.outcome());
    }
}
