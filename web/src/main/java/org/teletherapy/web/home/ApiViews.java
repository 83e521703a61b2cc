package org.teletherapy.web.home;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the home page reads from the API; unknown fields are ignored, so the API can grow. */
public final class ApiViews {

    private ApiViews() {
    }

    public record Session(UUID id, UUID therapistId, UUID clientId, Instant start, Instant end, String status,
                          String videoUrl, Instant videoJoinOpensAt, Instant videoJoinClosesAt, Boolean roomProtected,
                          Instant lateCancellationFrom, Integer reschedulesLeft, Cancellation cancellation,
                          UUID seriesId, Instant closableFrom) {

        /**
         * Whether its therapist can record now how it went (completed or missed): from when the API says so, and only
         * while it is booked.
         */
        public boolean closableAt(Instant now) {
            return "booked".equals(status) && closableFrom != null && !now.isBefore(closableFrom);
        }
    }

    public record Cancellation(String by, String reason, boolean late, Instant at) {
    }

    public record CareTeamMember(UUID therapistId, UUID clientId, String name) {

        /** The therapist's name as the client's care team gives it; "" for one not (or no longer) on it. */
        public static String therapistName(List<CareTeamMember> team, UUID therapistId) {
            return team.stream().filter(member -> therapistId.equals(member.therapistId()))
                    .map(CareTeamMember::name).findFirst().orElse("");
        }
    }

    record Assignment(UUID id, String templateTitle, String kind, String instrument, String status, Instant dueAt,
                      Instant availableFrom, Instant reviewedAt, String reviewComment) {
    }
}
