package org.teletherapy.web.caseload;

import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A therapist's clients at a glance: who needs attention first (an open safety alert), when each is seen next, how
 * much homework is open, and where their latest PHQ-9 and GAD-7 stand against the one before. Every figure is the
 * API's; a part whose service is down is said to be missing, not shown as zero.
 */
public record Caseload(List<ClientRow> clients, boolean clientsUnavailable, boolean sessionsUnavailable,
                       boolean homeworkUnavailable, boolean alertsUnavailable) {

    static final Set<String> OPEN_HOMEWORK = Set.of("assigned", "in-progress", "overdue");

    /** @param nextSession null when none is booked; {@code openHomework} null when homework cannot be read */
    public record ClientRow(UUID id, String name, String nextSession, Integer openHomework, int openAlerts,
                            Latest phq9, Latest gad7, boolean measuresUnavailable) {
    }

    /**
     * A client's latest result of one instrument. {@code trend} compares it with the one before: {@code up} (a higher
     * score, more symptoms), {@code down}, {@code same}, or null for a first result.
     */
    public record Latest(int score, String severity, String trend, Integer previous) {

        public String arrow() {
            return trend == null ? "" : switch (trend) {
                case "up" -> "↑";
                case "down" -> "↓";
                default -> "→";
            };
        }

        static Latest of(List<Measure> history, String instrument) {
            List<Measure> results = history.stream().filter(measure -> instrument.equals(measure.instrument()))
                    .sorted(Comparator.comparing(Measure::measuredAt)).toList();
            if (results.isEmpty()) {
                return null;
            }
            Measure latest = results.get(results.size() - 1);
            if (results.size() == 1) {
                return new Latest(latest.totalScore(), latest.severity(), null, null);
            }
            int previous = results.get(results.size() - 2).totalScore();
            String trend = latest.totalScore() > previous ? "up" : latest.totalScore() < previous ? "down" : "same";
            return new Latest(latest.totalScore(), latest.severity(), trend, previous);
        }
    }

    record Measure(String instrument, int totalScore, String severity, Instant measuredAt) {
    }

    record Assignment(UUID id, UUID clientId, String status) {
    }

    record SafetyAlert(UUID id, UUID clientId, String status) {
    }

    /** One client's score history, or that it could not be read. */
    record History(UUID clientId, Section<Measure> measures) {
    }

    static Caseload of(Section<CareTeamMember> careTeam, Section<Session> sessions, Section<Assignment> homework,
                       Section<SafetyAlert> alerts, List<History> histories, Viewer therapist, Instant now) {
        Map<UUID, Section<Measure>> byClient = histories.stream()
                .collect(Collectors.toMap(History::clientId, History::measures, (a, b) -> a));
        Map<UUID, Long> openHomework = homework.items().stream()
                .filter(assignment -> OPEN_HOMEWORK.contains(assignment.status()))
                .collect(Collectors.groupingBy(Assignment::clientId, Collectors.counting()));
        Map<UUID, Long> openAlerts = alerts.items().stream()
                .filter(alert -> "open".equals(alert.status()))
                .collect(Collectors.groupingBy(SafetyAlert::clientId, Collectors.counting()));
        Map<UUID, Instant> next = sessions.items().stream()
                .filter(session -> "booked".equals(session.status()) && session.start().isAfter(now))
                .collect(Collectors.toMap(Session::clientId, Session::start, (a, b) -> a.isBefore(b) ? a : b));
        Function<CareTeamMember, ClientRow> row = member -> {
            Section<Measure> history = byClient.getOrDefault(member.clientId(), new Section<>(List.of(), false));
            return new ClientRow(member.clientId(), member.name(),
                    Optional.ofNullable(next.get(member.clientId())).map(therapist::dateTime).orElse(null),
                    homework.unavailable() ? null : openHomework.getOrDefault(member.clientId(), 0L).intValue(),
                    openAlerts.getOrDefault(member.clientId(), 0L).intValue(),
                    Latest.of(history.items(), "PHQ-9"), Latest.of(history.items(), "GAD-7"), history.unavailable());
        };
        List<ClientRow> rows = careTeam.items().stream().filter(member -> member.clientId() != null).map(row)
                // Open safety alerts first: they are the ones to act on today.
                .sorted(Comparator.comparing((ClientRow client) -> client.openAlerts() == 0)
                        .thenComparing(ClientRow::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Caseload(rows, careTeam.unavailable(), sessions.unavailable(), homework.unavailable(),
                alerts.unavailable());
    }
}
