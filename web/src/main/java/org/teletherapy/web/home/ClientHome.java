package org.teletherapy.web.home;

import org.teletherapy.web.home.ApiViews.Assignment;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A client's home page, ready to render: the next session first, then what is coming, what is due and what
 * happened. Only ordering and wording happen here; what may be joined or handed in is what the API said.
 */
record ClientHome(SessionLine next, List<SessionLine> upcoming, List<SessionLine> past, boolean sessionsUnavailable,
                  List<HomeworkLine> due, List<HomeworkLine> reviewed, boolean homeworkUnavailable) {

    private static final Set<String> OPEN_HOMEWORK = Set.of("assigned", "in-progress", "overdue");
    private static final int PAST_SHOWN = 10;
    private static final int REVIEWS_SHOWN = 3;

    /** One session as the page shows it; {@code joinUrl} only while the API offers the room. */
    record SessionLine(UUID id, String therapist, String when, String statusKey, String joinUrl, String joinOpensAt,
                       boolean roomUnprotected) {
    }

    record HomeworkLine(UUID id, String title, String due, String statusKey, boolean overdue, String reviewComment) {
    }

    static ClientHome of(Section<Session> sessions, Section<CareTeamMember> careTeam, Section<Assignment> homework,
                         Viewer viewer, Instant now) {
        Map<UUID, String> therapists = careTeam.items().stream().filter(member -> member.therapistId() != null)
                .collect(Collectors.toMap(CareTeamMember::therapistId, CareTeamMember::name, (a, b) -> a));
        Function<Session, SessionLine> line = session -> new SessionLine(session.id(),
                therapists.getOrDefault(session.therapistId(), ""), viewer.dateTime(session.start()),
                "session.status." + session.status(), session.videoUrl(),
                session.videoJoinOpensAt() == null ? null : viewer.dateTime(session.videoJoinOpensAt()),
                Boolean.FALSE.equals(session.roomProtected()));
        List<SessionLine> upcoming = sessions.items().stream()
                .filter(session -> "booked".equals(session.status()) && session.end().isAfter(now))
                .sorted(Comparator.comparing(Session::start))
                .map(line).toList();
        List<SessionLine> past = sessions.items().stream()
                .filter(session -> !("booked".equals(session.status()) && session.end().isAfter(now)))
                .sorted(Comparator.comparing(Session::start).reversed())
                .limit(PAST_SHOWN)
                .map(line).toList();
        List<HomeworkLine> due = homework.items().stream()
                .filter(assignment -> OPEN_HOMEWORK.contains(assignment.status()))
                .filter(assignment -> assignment.availableFrom() == null || !assignment.availableFrom().isAfter(now))
                .sorted(Comparator.comparing(Assignment::dueAt))
                .map(assignment -> homeworkLine(assignment, viewer)).toList();
        List<HomeworkLine> reviewed = homework.items().stream()
                .filter(assignment -> assignment.reviewedAt() != null && assignment.reviewComment() != null)
                .sorted(Comparator.comparing(Assignment::reviewedAt).reversed())
                .limit(REVIEWS_SHOWN)
                .map(assignment -> homeworkLine(assignment, viewer)).toList();
        return new ClientHome(upcoming.isEmpty() ? null : upcoming.get(0),
                upcoming.size() > 1 ? upcoming.subList(1, upcoming.size()) : List.of(), past,
                sessions.unavailable(), due, reviewed, homework.unavailable());
    }

    private static HomeworkLine homeworkLine(Assignment assignment, Viewer viewer) {
        return new HomeworkLine(assignment.id(), assignment.templateTitle(), viewer.dateTime(assignment.dueAt()),
                "homework.status." + assignment.status(), "overdue".equals(assignment.status()),
                assignment.reviewComment());
    }
}
