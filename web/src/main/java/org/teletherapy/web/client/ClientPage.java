package org.teletherapy.web.client;

import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.scores.ScoreChart;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything a therapist has with one client: their sessions, the homework given and handed in, their PHQ-9 and
 * GAD-7 over time, and the notes the therapist wrote about them (titles only: a note's text is on its own page).
 */
public record ClientPage(UUID id, String name, List<SessionLine> upcoming, List<SessionLine> past,
                         boolean sessionsUnavailable, List<HomeworkLine> homework, boolean homeworkUnavailable,
                         List<ScoreChart> charts, List<NoteLine> notes, boolean notesUnavailable) {

    /** Handed in: the therapist can read and review it. */
    static final Set<String> HANDED_IN = Set.of("submitted", "reviewed");

    public record SessionLine(UUID id, String when, String status) {
    }

    /** @param handedIn when it was handed in, or null */
    public record HomeworkLine(UUID id, String title, String status, String due, String handedIn) {
        public boolean reviewable() {
            return handedIn != null;
        }
    }

    public record NoteLine(UUID id, String date, String kind, String status) {
    }

    record Assignment(UUID id, UUID clientId, String templateTitle, String status, Instant dueAt, Instant submittedAt) {
    }

    record Note(UUID id, UUID sessionId, UUID clientId, String kind, String status, Instant createdAt, boolean erased) {
    }

    static ClientPage of(UUID id, String name, Section<Session> sessions, Section<Assignment> homework,
                         List<ScoreChart> charts, Section<Note> notes, Viewer therapist, Instant now) {
        List<Session> theirs = sessions.items().stream().filter(session -> id.equals(session.clientId())).toList();
        Function<Session, SessionLine> line = session -> new SessionLine(session.id(), therapist.dateTime(session.start()),
                session.status());
        List<SessionLine> upcoming = theirs.stream()
                .filter(session -> "booked".equals(session.status()) && session.end().isAfter(now))
                .sorted(Comparator.comparing(Session::start)).map(line).toList();
        List<SessionLine> past = theirs.stream()
                .filter(session -> !("booked".equals(session.status()) && session.end().isAfter(now)))
                .sorted(Comparator.comparing(Session::start).reversed()).map(line).toList();
        List<HomeworkLine> assigned = homework.items().stream()
                .filter(assignment -> id.equals(assignment.clientId()))
                .sorted(Comparator.comparing(Assignment::dueAt).reversed())
                .map(assignment -> new HomeworkLine(assignment.id(), assignment.templateTitle(), assignment.status(),
                        therapist.dateTime(assignment.dueAt()),
                        HANDED_IN.contains(assignment.status()) && assignment.submittedAt() != null
                                ? therapist.dateTime(assignment.submittedAt()) : null))
                .toList();
        // A note is dated by its session, the day it is about; by when it was begun if the session is not known here.
        Map<UUID, Instant> sessionStarts = theirs.stream().collect(Collectors.toMap(Session::id, Session::start));
        List<NoteLine> written = notes.items().stream()
                .filter(note -> id.equals(note.clientId()) && !note.erased())
                .sorted(Comparator.comparing((Note note) -> sessionStarts.getOrDefault(note.sessionId(), note.createdAt()))
                        .reversed())
                .map(note -> new NoteLine(note.id(), therapist.dateTime(sessionStarts.getOrDefault(note.sessionId(),
                        note.createdAt())), note.kind(), note.status()))
                .toList();
        return new ClientPage(id, name, upcoming, past, sessions.unavailable(), assigned, homework.unavailable(), charts,
                written, notes.unavailable());
    }
}
