package org.teletherapy.exercises.assignment;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

import java.util.UUID;

interface AssignmentRepository extends ReactiveCrudRepository<Assignment, UUID> {

    Flux<Assignment> findByClientIdOrderByDueAtAsc(UUID clientId);

    Flux<Assignment> findByTherapistIdOrderByDueAtAsc(UUID therapistId);
}
