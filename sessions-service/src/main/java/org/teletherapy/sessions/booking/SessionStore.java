package org.teletherapy.sessions.booking;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.teletherapy.sessions.availability.BusyInterval;
import org.teletherapy.sessions.availability.BusyTimes;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** Sessions in the database. Status changes are conditional updates, so two racing requests cannot both win. */
@Repository
public class SessionStore implements BusyTimes {

    private static final String COLUMNS = "id, therapist_id, client_id, starts_at, ends_at, blocked_until, status, "
            + "series_id, rescheduled_from, reschedule_count, video_room, cancelled_at, cancelled_by, cancel_reason, "
            + "late_cancellation";

    private final DatabaseClient database;

    SessionStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Session> find(UUID id) {
        return database.sql("select " + COLUMNS + " from session where id = :id").bind("id", id).map(SessionStore::read).one();
    }

    Flux<Session> ofClient(UUID clientId) {
        return database.sql("select " + COLUMNS + " from session where client_id = :person order by starts_at desc")
                .bind("person", clientId).map(SessionStore::read).all();
    }

    Flux<Session> ofTherapist(UUID therapistId) {
        return database.sql("select " + COLUMNS + " from session where therapist_id = :person order by starts_at desc")
                .bind("person", therapistId).map(SessionStore::read).all();
    }

    /** A client's sessions for their record, oldest first; with one therapist only when {@code therapistId} is set. */
    public Flux<SessionRecord> recordsOf(UUID clientId, UUID therapistId) {
        DatabaseClient.GenericExecuteSpec select = database.sql("""
                        select id, therapist_id, client_id, starts_at, ends_at, status, created_at, updated_at,
                               cancelled_by, cancel_reason
                          from session
                         where client_id = :client""" + (therapistId == null ? "" : " and therapist_id = :therapist")
                        + " order by starts_at, id")
                .bind("client", clientId);
        if (therapistId != null) {
            select = select.bind("therapist", therapistId);
        }
        return select.map(row -> new SessionRecord(row.get("id", UUID.class), row.get("therapist_id", UUID.class),
                        row.get("client_id", UUID.class), row.get("starts_at", Instant.class),
                        row.get("ends_at", Instant.class), row.get("status", String.class),
                        row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                        row.get("cancelled_by", String.class), row.get("cancel_reason", String.class)))
                .all();
    }

    @Override
    public Flux<BusyInterval> busy(UUID therapistId, Instant from, Instant to) {
        return database.sql("""
                        select starts_at, blocked_until from session
                         where therapist_id = :therapist and status in ('booked', 'arrived', 'pending')
                           and starts_at < :to and blocked_until > :from""")
                .bind("therapist", therapistId).bind("from", from).bind("to", to)
                .map(row -> new BusyInterval(row.get("starts_at", Instant.class), row.get("blocked_until", Instant.class)))
                .all();
    }

    /**
     * A person's sessions as their calendar shows them: held, booked and cancelled ones, oldest first, each with the
     * first session of its chain of moves (all sessions of a chain share client and therapist). A session that was
     * moved is not shown: its chain's last session is its calendar entry now.
     */
    public Flux<SessionEntry> calendarOf(UUID personId, boolean asTherapist) {
        String column = asTherapist ? "therapist_id" : "client_id";
        return database.sql("""
                        with recursive chain (id, first_id) as (
                            select id, id from session where %1$s = :person and rescheduled_from is null
                            union all
                            select moved.id, chain.first_id from session moved join chain on moved.rescheduled_from = chain.id
                        )
                        select s.id, chain.first_id, s.reschedule_count, s.starts_at, s.ends_at, s.status, s.updated_at
                          from session s join chain on chain.id = s.id
                         where s.%1$s = :person and s.status in ('booked', 'cancelled', 'fulfilled')
                           and not exists (select 1 from session later where later.rescheduled_from = s.id)
                         order by s.starts_at""".formatted(column))
                .bind("person", personId)
                .map(row -> {
                    String status = row.get("status", String.class);
                    int changes = row.get("reschedule_count", Integer.class) + ("cancelled".equals(status) ? 1 : 0);
                    return new SessionEntry(row.get("id", UUID.class), row.get("first_id", UUID.class), changes,
                            row.get("starts_at", Instant.class), row.get("ends_at", Instant.class), status,
                            row.get("updated_at", Instant.class));
                })
                .all();
    }

    Mono<Void> insert(Session session) {
        return database.sql("""
                        insert into session (id, therapist_id, client_id, starts_at, ends_at, blocked_until, status,
                                             series_id, rescheduled_from, reschedule_count, video_room)
                        values (:id, :therapist, :client, :start, :end, :blockedUntil, :status,
                                :series, :rescheduledFrom, :rescheduleCount, :videoRoom)""")
                .bind("id", session.id()).bind("therapist", session.therapistId()).bind("client", session.clientId())
                .bind("start", session.startsAt()).bind("end", session.endsAt())
                .bind("blockedUntil", session.blockedUntil()).bind("status", session.status())
                .bind("series", nullable(session.seriesId()))
                .bind("rescheduledFrom", nullable(session.rescheduledFrom()))
                .bind("rescheduleCount", session.rescheduleCount()).bind("videoRoom", session.videoRoom())
                .then();
    }

    private static Parameter nullable(UUID value) {
        return Parameter.fromOrEmpty(value, UUID.class);
    }

    /** Moves a booked session to {@code status}; empty if it was not booked any more. */
    Mono<Session> finish(UUID id, String status) {
        return database.sql("update session set status = :status, updated_at = now() where id = :id and status = 'booked' "
                        + "returning " + COLUMNS)
                .bind("id", id).bind("status", status).map(SessionStore::read).one();
    }

    /** Cancels a booked session; empty if it was not booked any more. */
    Mono<Session> cancel(UUID id, String by, String reason, boolean late) {
        return database.sql("""
                        update session set status = 'cancelled', cancelled_at = now(), cancelled_by = :by,
                               cancel_reason = :reason, late_cancellation = :late, updated_at = now()
                         where id = :id and status = 'booked' returning\s""" + COLUMNS)
                .bind("id", id).bind("by", by).bind("reason", reason).bind("late", late)
                .map(SessionStore::read).one();
    }

    /** Booked sessions of a series from {@code from} on (for "this and all following"). */
    Flux<Session> bookedInSeriesFrom(UUID seriesId, Instant from) {
        return database.sql("select " + COLUMNS + " from session where series_id = :series and starts_at >= :from "
                        + "and status = 'booked' order by starts_at")
                .bind("series", seriesId).bind("from", from).map(SessionStore::read).all();
    }

    /** Future booked sessions between a therapist and a client (cancelled when the client leaves the roster). */
    public Flux<UUID> futureBookedBetween(UUID therapistId, UUID clientId, Instant now) {
        return database.sql("select id from session where therapist_id = :therapist and client_id = :client "
                        + "and status = 'booked' and starts_at > :now")
                .bind("therapist", therapistId).bind("client", clientId).bind("now", now)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** A client's future booked sessions, with any therapist (cancelled when the client is erased). */
    public Flux<UUID> futureBookedOf(UUID clientId, Instant now) {
        return database.sql("select id from session where client_id = :client and status = 'booked' and starts_at > :now "
                        + "order by starts_at")
                .bind("client", clientId).bind("now", now)
                .map(row -> row.get("id", UUID.class)).all();
    }

    /** A booking made with an Idempotency-Key, and the hash of the request it was made for. */
    record IdempotentBooking(UUID sessionId, String requestHash) {

        /** Keys stored before request hashes were kept match any request, as they did then. */
        boolean matches(String hash) {
            return requestHash == null || requestHash.equals(hash);
        }
    }

    Mono<IdempotentBooking> bookingForIdempotencyKey(UUID clientId, String key) {
        return database.sql("select session_id, request_hash from idempotency_key where client_id = :client and key = :key")
                .bind("client", clientId).bind("key", key)
                .map(row -> new IdempotentBooking(row.get("session_id", UUID.class), row.get("request_hash", String.class)))
                .one();
    }

    Mono<Void> rememberIdempotencyKey(UUID clientId, String key, String requestHash, UUID sessionId) {
        return database.sql("""
                        insert into idempotency_key (client_id, key, request_hash, session_id)
                        values (:client, :key, :hash, :session)""")
                .bind("client", clientId).bind("key", key).bind("hash", requestHash).bind("session", sessionId).then();
    }

    private static Session read(Readable row) {
        Integer count = row.get("reschedule_count", Integer.class);
        return new Session(row.get("id", UUID.class), row.get("therapist_id", UUID.class), row.get("client_id", UUID.class),
                row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                row.get("blocked_until", Instant.class), row.get("status", String.class),
                row.get("series_id", UUID.class), row.get("rescheduled_from", UUID.class), count == null ? 0 : count,
                row.get("video_room", String.class), row.get("cancelled_at", Instant.class),
                row.get("cancelled_by", String.class), row.get("cancel_reason", String.class),
                row.get("late_cancellation", Boolean.class));
    }
}
