package org.teletherapy.notes.note;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/notes")
class NoteController {

    private final NoteRepository notes;

    NoteController(NoteRepository notes) {
        this.notes = notes;
    }

    /** The notes the calling therapist wrote, newest first, without content. Clients and operators never list notes. */
    @GetMapping
    @PreAuthorize("hasRole('THERAPIST')")
    Flux<NoteSummary> mine(@AuthenticationPrincipal Jwt jwt) {
        return notes.findByAuthorIdOrderByCreatedAtDesc(Caller.from(jwt).id()).map(NoteSummary::of);
    }

    record NoteSummary(UUID id, UUID sessionId, UUID clientId, String kind, String status, Instant createdAt,
                       Instant updatedAt) {

        static NoteSummary of(Note note) {
            return new NoteSummary(note.id(), note.sessionId(), note.clientId(), note.kind(), note.status(),
                    note.createdAt(), note.updatedAt());
        }
    }
}
