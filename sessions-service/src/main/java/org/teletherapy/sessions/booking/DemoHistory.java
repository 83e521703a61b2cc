package org.teletherapy.sessions.booking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.sessions.video.VideoRooms;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A session that already took place, for the demo: client1 met therapist1 a week before the devstack first started.
 * The API cannot book the past, so the service that owns sessions puts it in place itself when
 * {@code teletherapy.demo.history=true} (the devstack sets it), and publishes session.booked and session.completed
 * as for any session, so the other services know it too. It has a fixed id: starting again adds nothing.
 */
@Component
@ConditionalOnProperty(name = "teletherapy.demo.history", havingValue = "true")
class DemoHistory implements ApplicationRunner {

    static final UUID PAST_SESSION = UUID.fromString("5e550000-0000-4000-8000-000000000001");
    private static final UUID THERAPIST1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000101");
    private static final UUID CLIENT1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000201");
    private static final Duration LENGTH = Duration.ofMinutes(50);
    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final SessionStore sessions;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final VideoRooms rooms;
    private final Clock clock;

    DemoHistory(SessionStore sessions, OutboxWriter outbox, TransactionalOperator transaction, VideoRooms rooms,
                Clock clock) {
        this.sessions = sessions;
        this.outbox = outbox;
        this.transaction = transaction;
        this.rooms = rooms;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant start = clock.instant().atZone(ZoneId.of("Europe/Berlin")).minusWeeks(1).with(LocalTime.of(10, 0))
                .toInstant();
        Session past = new Session(PAST_SESSION, THERAPIST1, CLIENT1, start, start.plus(LENGTH),
                start.plus(LENGTH).plus(Duration.ofMinutes(10)), Session.BOOKED, null, null, 0, rooms.newRoom(), null, null, null, null);
        Boolean created = sessions.find(PAST_SESSION).map(existing -> false)
                .switchIfEmpty(transaction.transactional(sessions.insert(past)
                        .then(outbox.append(new SessionBooked(past.id(), past.clientId(), past.therapistId(), past.startsAt(),
                                past.endsAt(), clock.instant()), past.id().toString()))
                        .then(sessions.finish(past.id(), Session.FULFILLED))
                        .flatMap(done -> outbox.append(new SessionCompleted(done.id(), done.clientId(), done.therapistId(),
                                done.startsAt(), done.endsAt(), clock.instant()), done.id().toString()))
                        .thenReturn(true)))
                .block();
        if (Boolean.TRUE.equals(created)) {
            log.info("demo history: one completed session in place");
        }
    }
}
