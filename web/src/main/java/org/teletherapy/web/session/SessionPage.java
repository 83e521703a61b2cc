package org.teletherapy.web.session;

import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A session as its page shows it. {@code lateNow}: cancelling now is late, by the time the API gave. */
record SessionPage(UUID id, String when, String therapist, String statusKey, boolean booked, boolean lateNow,
                   String lateFrom, Integer reschedulesLeft, boolean cancelledLate, String cancelReason,
                   String joinUrl, boolean inSeries) {

    static SessionPage of(Session session, List<CareTeamMember> team, Viewer viewer, Instant now) {
        String therapist = CareTeamMember.therapistName(team, session.therapistId());
        boolean booked = "booked".equals(session.status()) && session.start().isAfter(now);
        return new SessionPage(session.id(), viewer.dateTime(session.start()), therapist,
                "session.status." + session.status(), booked,
                booked && session.lateCancellationFrom() != null && !now.isBefore(session.lateCancellationFrom()),
                session.lateCancellationFrom() == null ? null : viewer.dateTime(session.lateCancellationFrom()),
                session.reschedulesLeft(),
                session.cancellation() != null && session.cancellation().late(),
                session.cancellation() == null ? null : "cancel.reason." + session.cancellation().reason(),
                session.videoUrl(), session.seriesId() != null);
    }
}
