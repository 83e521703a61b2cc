package org.teletherapy.web.notes;

import org.springframework.stereotype.Component;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whom and when a note is about: notes-service knows ids only, so the pages ask sessions-service for the
 * therapist's clients (their names) and sessions (their times). Either may be down; a note is still shown then.
 * Homework assignment asks the same.
 */
@Component
public class SessionsAndClients {

    private final Api api;

    SessionsAndClients(Api api) {
        this.api = api;
    }

    /** A session of the therapist's, from sessions-service. */
    public record Session(UUID id, UUID clientId, Instant start, Instant end, String status) {

        boolean held() {
            return !"cancelled".equals(status);
        }
    }

    record CareTeamMember(UUID clientId, String name) {
    }

    public Mono<Known> known() {
        return Mono.zip(Section.of(api.list("/api/v1/care-team", CareTeamMember.class)),
                        Section.of(api.list("/api/v1/sessions", Session.class)))
                .map(found -> new Known(
                        found.getT1().items().stream().filter(member -> member.clientId() != null)
                                .collect(Collectors.toMap(CareTeamMember::clientId, CareTeamMember::name, (a, b) -> a)),
                        found.getT2().items().stream().collect(Collectors.toMap(Session::id, Function.identity(), (a, b) -> a)),
                        found.getT1().unavailable() || found.getT2().unavailable()));
    }

    /** @param unavailable a name or time may be missing because its service did not answer */
    public record Known(Map<UUID, String> names, Map<UUID, Session> sessions, boolean unavailable) {

        /** The client's name, or null when it is not known (no longer on the caseload, or the service is down). */
        public String name(UUID client) {
            return client == null ? null : names.get(client);
        }

        public String when(UUID session, Viewer viewer) {
            Session found = session == null ? null : sessions.get(session);
            return found == null ? null : viewer.dateTime(found.start());
        }

        /** Whom and when a note about {@code sessionId} is (nothing known for an id that is none). */
        NoteViews.About about(String sessionId, Viewer viewer) {
            UUID session;
            try {
                session = sessionId == null ? null : UUID.fromString(sessionId);
            } catch (IllegalArgumentException notAnId) {
                return new NoteViews.About(null, null);
            }
            Session found = session == null ? null : sessions.get(session);
            return new NoteViews.About(found == null ? null : name(found.clientId()), when(session, viewer));
        }

        /** A client's sessions that took place or will, latest first: the ones a note can be written about. */
        public List<Session> sessionsOf(UUID client) {
            return sessions.values().stream().filter(session -> client.equals(session.clientId()) && session.held())
                    .sorted(Comparator.comparing(Session::start).reversed()).toList();
        }
    }
}
