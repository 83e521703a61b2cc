package org.teletherapy.sessions.booking;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.sessions.availability.SlotRules;
import org.teletherapy.sessions.booking.BookingProblems.NotBookableException;
import org.teletherapy.sessions.availability.Availability;
import org.teletherapy.sessions.availability.BusyInterval;
import org.teletherapy.sessions.availability.SlotCalculator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Recurring weekly (or every-other-week) sessions, booked all or nothing: every occurrence is checked first, and
 * a conflict anywhere names its dates and books none.
 */
@Service
class SeriesService {

    enum Frequency {
        WEEKLY(1), EVERY_OTHER_WEEK(2);

        final int weeks;

        Frequency(int weeks) {
            this.weeks = weeks;
        }
    }

    /** {@code conflicts}: the dates in the therapist's zone; {@code conflictStarts}: the same times as instants. */
    static final class SeriesConflictException extends ProblemException {
        SeriesConflictException(List<Instant> conflicts, ZoneId therapistZone) {
            super(HttpStatus.CONFLICT, "series-conflict", "Series not bookable",
                    "Some occurrences cannot be booked; nothing was booked.");
            with("conflicts", conflicts.stream().map(start -> start.atZone(therapistZone).toLocalDate().toString()).toList());
            with("conflictStarts", conflicts.stream().map(Instant::toString).toList());
        }
    }

    private final BookingService booking;
    private final SessionStore sessions;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final SlotRules slots;
    private final BookingRules rules;
    private final Clock clock;
    private final MeterRegistry meters;

    SeriesService(BookingService booking, SessionStore sessions, OutboxWriter outbox, TransactionalOperator transaction,
                  SlotRules slots, BookingRules rules, Clock clock, MeterRegistry meters) {
        this.booking = booking;
        this.sessions = sessions;
        this.outbox = outbox;
        this.transaction = transaction;
        this.slots = slots;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
    }

    Mono<List<Session>> book(Caller client, UUID therapistId, Instant firstStart, Frequency frequency, int occurrences) {
        if (occurrences < 2 || occurrences > rules.maxSeriesOccurrences()) {
            return Mono.error(new NotBookableException("series-length",
                    "A series has 2 to " + rules.maxSeriesOccurrences() + " occurrences."));
        }
        return booking.bookable(client.id(), therapistId, firstStart)
                .flatMap(availability -> {
                    List<Instant> starts = occurrences(availability, firstStart, frequency, occurrences);
                    Instant last = starts.get(starts.size() - 1);
                    if (booking.beyondHorizon(last)) {
                        return Mono.error(booking.beyondHorizonProblem());
                    }
                    return sessions.busy(therapistId, firstStart, last.plus(availability.sessionLength()).plus(availability.buffer()))
                            .collectList()
                            .flatMap(busy -> {
                                List<Instant> conflicts = conflicts(availability, starts, busy);
                                if (!conflicts.isEmpty()) {
                                    return Mono.error(new SeriesConflictException(conflicts, availability.timeZone()));
                                }
                                UUID seriesId = UUID.randomUUID();
                                List<Session> series = starts.stream().map(start -> booking.newSession(therapistId,
                                        client.id(), start, availability, seriesId, null, 0)).toList();
                                return transaction.transactional(Flux.fromIterable(series)
                                                .concatMap(session -> sessions.insert(session)
                                                        .then(outbox.append(booking.booked(session), session.id().toString())))
                                                .then(Mono.just(series)))
                                        // Someone took one of the times between the check and the insert.
                                        .onErrorMap(e -> BookingService.isSqlState(e, "23P01"),
                                                e -> new SeriesConflictException(List.of(), availability.timeZone()));
                            });
                })
                .doOnSuccess(series -> meters.counter("teletherapy.sessions.series.booked").increment());
    }

    /** Same local time each week in the therapist's zone, so a series keeps its hour across daylight-saving changes. */
    private static List<Instant> occurrences(Availability availability, Instant first, Frequency frequency, int count) {
        ZonedDateTime local = first.atZone(availability.timeZone());
        List<Instant> starts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            starts.add(local.plusWeeks((long) i * frequency.weeks).toInstant());
        }
        return starts;
    }

    private List<Instant> conflicts(Availability availability, List<Instant> starts, List<BusyInterval> busy) {
        Instant earliest = clock.instant().plus(slots.minimumNotice());
        List<Instant> conflicts = new ArrayList<>();
        for (Instant start : starts) {
            Instant blockedUntil = start.plus(availability.sessionLength()).plus(availability.buffer());
            boolean free = !start.isBefore(earliest) && SlotCalculator.isOnGrid(availability, start)
                    && busy.stream().noneMatch(interval -> interval.start().isBefore(blockedUntil) && start.isBefore(interval.until()));
            if (!free) {
                conflicts.add(start);
            }
        }
        return conflicts;
    }
}
