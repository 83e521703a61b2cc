package org.teletherapy.web.homework;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.homework.HomeworkViews.Assignment;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** A client's homework: what is still to do (soonest due first), then what was handed in (latest first). */
record HomeworkList(List<Line> open, List<Line> done, boolean unavailable) {

    /** @param overdue the API calls it overdue: the page says so in words, not in colour only */
    record Line(UUID id, String title, String statusKey, boolean overdue, String due, String submitted,
                boolean fromLastSession, String reviewComment) {
    }

    static HomeworkList of(Section<Assignment> homework, Viewer viewer) {
        List<Line> open = homework.items().stream().filter(Assignment::open)
                .sorted(Comparator.comparing(Assignment::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(assignment -> line(assignment, viewer)).toList();
        List<Line> done = homework.items().stream()
                .filter(assignment -> "submitted".equals(assignment.status()) || "reviewed".equals(assignment.status()))
                .sorted(Comparator.comparing(Assignment::submittedAt, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .map(assignment -> line(assignment, viewer)).toList();
        return new HomeworkList(open, done, homework.unavailable());
    }

    private static Line line(Assignment assignment, Viewer viewer) {
        return new Line(assignment.id(), assignment.templateTitle(), "homework.status." + assignment.status(),
                "overdue".equals(assignment.status()),
                assignment.dueAt() == null ? null : viewer.dateTime(assignment.dueAt()),
                assignment.submittedAt() == null ? null : viewer.dateTime(assignment.submittedAt()),
                assignment.fromLastSession(), assignment.reviewComment());
    }
}
