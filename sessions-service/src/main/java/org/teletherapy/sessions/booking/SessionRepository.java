package org.teletherapy.sessions.booking;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

import java.util.UUID;

interface SessionRepository extends ReactiveCrudRepository<Session, UUID> {

    Flux<Session> findByClientIdOrderByStartsAtDesc(UUID clientId);

    Flux<Session> findByTherapistIdOrderByStartsAtDesc(UUID therapistId);
}
