package org.teletherapy.notes.note;

import org.springframework.data.repository.reactive.ReactiveCrudRepository;
import reactor.core.publisher.Flux;

import java.util.UUID;

interface NoteRepository extends ReactiveCrudRepository<Note, UUID> {

    Flux<Note> findByAuthorIdOrderByCreatedAtDesc(UUID authorId);
}
