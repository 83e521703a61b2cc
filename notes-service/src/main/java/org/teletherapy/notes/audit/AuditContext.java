package org.teletherapy.notes.audit;

import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;

import java.util.Locale;
import java.util.UUID;

/**
 * Who acts and in which request, for the entries of one request.
 *
 * @param actorId   the Keycloak user id; null for the platform itself (an event from another service)
 * @param actorRole the role the actor acts in: {@code therapist}, {@code client}, {@code operator} or {@code system}
 * @param requestId the request's {@code X-Request-Id}, or {@code event:<id>} for an event
 */
public record AuditContext(UUID actorId, String actorRole, String requestId) {

    public static final String SYSTEM = "system";

    /** A caller acting in {@code role} if they have it, else in the first role they have. */
    public static AuditContext of(Caller caller, Role role, String requestId) {
        Role acting = caller.is(role) ? role : caller.roles().stream().findFirst().orElse(null);
        return new AuditContext(caller.id(), acting == null ? "none" : acting.name().toLowerCase(Locale.ROOT), requestId);
    }

    /** The platform acting on another service's event. */
    public static AuditContext forEvent(UUID eventId) {
        return new AuditContext(null, SYSTEM, "event:" + eventId);
    }

    public AuditRecord record(AuditAction action, String activity, UUID noteId, UUID clientId, AuditOutcome outcome) {
        return new AuditRecord(actorId, actorRole, action, activity, noteId, clientId, outcome, requestId);
    }
}
