package org.teletherapy.sessions.availability;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Availability and time off in the database; the weekly windows are one JSON column. */
@Repository
public class AvailabilityStore {

    private static final TypeReference<List<WeeklyWindow>> WINDOWS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;
    private final Clock clock;

    AvailabilityStore(DatabaseClient database, JsonMapper json, Clock clock) {
        this.database = database;
        this.json = json;
        this.clock = clock;
    }

    public Mono<Availability> find(UUID therapistId) {
        return database.sql("select time_zone, session_minutes, buffer_minutes, weekly::text as weekly "
                        + "from availability where therapist_id = :therapist")
                .bind("therapist", therapistId)
                .map(row -> new Object[] {row.get("time_zone", String.class), row.get("session_minutes", Integer.class),
                        row.get("buffer_minutes", Integer.class), row.get("weekly", String.class)})
                .one()
                .zipWith(timeOff(therapistId).collectList().defaultIfEmpty(List.of()),
                        (row, timeOff) -> new Availability(therapistId, ZoneId.of((String) row[0]), (Integer) row[1],
                                (Integer) row[2], json.readValue((String) row[3], WINDOWS), timeOff));
    }

    private Flux<TimeOff> timeOff(UUID therapistId) {
        return database.sql("select first_day, last_day from time_off where therapist_id = :therapist order by first_day")
                .bind("therapist", therapistId)
                .map(row -> new TimeOff(row.get("first_day", LocalDate.class), row.get("last_day", LocalDate.class)))
                .all();
    }

    /** Replaces the therapist's availability and time off (call inside a transaction). */
    Mono<Void> replace(Availability availability) {
        UUID therapist = availability.therapistId();
        Mono<Void> upsert = database.sql("""
                        insert into availability (therapist_id, time_zone, session_minutes, buffer_minutes, weekly, updated_at)
                        values (:therapist, :zone, :minutes, :buffer, :weekly, :now)
                        on conflict (therapist_id) do update set time_zone = excluded.time_zone,
                            session_minutes = excluded.session_minutes, buffer_minutes = excluded.buffer_minutes,
                            weekly = excluded.weekly, updated_at = excluded.updated_at""")
                .bind("therapist", therapist)
                .bind("zone", availability.timeZone().getId())
                .bind("minutes", availability.sessionMinutes())
                .bind("buffer", availability.bufferMinutes())
                .bind("weekly", Json.of(json.writeValueAsString(availability.weekly())))
                .bind("now", clock.instant())
                .then();
        Mono<Void> clearTimeOff = database.sql("delete from time_off where therapist_id = :therapist")
                .bind("therapist", therapist).then();
        Mono<Void> insertTimeOff = Flux.fromIterable(availability.timeOff())
                .concatMap(off -> database.sql("insert into time_off (id, therapist_id, first_day, last_day) "
                                + "values (:id, :therapist, :from, :to)")
                        .bind("id", UUID.randomUUID()).bind("therapist", therapist)
                        .bind("from", off.from()).bind("to", off.to()).then())
                .then();
        return upsert.then(clearTimeOff).then(insertTimeOff);
    }
}
