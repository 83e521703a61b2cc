package org.teletherapy.sessions.booking;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Today's scheduling counts (UTC day), for the operators' figures API and the ops status alike: never who or when. */
@Component
public class SessionFigures {

    public record Figures(long bookedToday, long cancelledToday, long lateCancellationsToday, long noShowsToday,
                   long upcomingSessions) {
    }

    private final DatabaseClient database;
    private final Clock clock;

    SessionFigures(DatabaseClient database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Mono<Figures> today() {
        Instant now = clock.instant();
        Instant midnight = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        return database.sql("""
                        select count(*) filter (where created_at >= :midnight and rescheduled_from is null) as booked,
                               count(*) filter (where cancelled_at >= :midnight) as cancelled,
                               count(*) filter (where cancelled_at >= :midnight and late_cancellation) as late,
                               count(*) filter (where status = 'noshow' and updated_at >= :midnight) as noshows,
                               count(*) filter (where status = 'booked' and starts_at > :now) as upcoming
                          from session""")
                .bind("midnight", midnight).bind("now", now)
                .map(row -> new Figures(row.get("booked", Long.class), row.get("cancelled", Long.class),
                        row.get("late", Long.class), row.get("noshows", Long.class), row.get("upcoming", Long.class)))
                .one();
    }
}
