package org.teletherapy.notes.note;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.notes.caseload.Caseload;
import org.teletherapy.notes.caseload.CaseloadSession;
import org.teletherapy.notes.erasure.ErasedClients;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The therapist's outstanding documentation: completed sessions without a progress note. A psychotherapy note does
 * not count, because it is kept apart from the clinical record and cannot stand in for it.
 */
@RestController
class DueNotesController {

    private final Caseload caseload;
    private final NoteRepository notes;
    private final ErasedClients erasedClients;

    DueNotesController(Caseload caseload, NoteRepository notes, ErasedClients erasedClients) {
        this.caseload = caseload;
        this.notes = notes;
        this.erasedClients = erasedClients;
    }

    @GetMapping("/api/v1/notes/due")
    @PreAuthorize("hasRole('THERAPIST')")
    Flux<DueNote> due(@AuthenticationPrincipal Jwt jwt) {
        return caseload.completedSessions(Caller.from(jwt).id()).collectList().flatMapMany(this::withoutNote);
    }

    /** The sessions that have no progress note yet, leaving out erased clients' (they can no longer be written). */
    private Flux<DueNote> withoutNote(List<CaseloadSession> sessions) {
        Mono<Set<UUID>> noted = notes.withProgressNote(sessions.stream().map(CaseloadSession::id).toList());
        Mono<Set<UUID>> erased = erasedClients.among(sessions.stream().map(CaseloadSession::clientId).toList());
        return Mono.zip(noted, erased).flatMapIterable(known -> sessions.stream()
                .filter(session -> !known.getT1().contains(session.id()) && !known.getT2().contains(session.clientId()))
                .map(DueNote::of).toList());
    }

    record DueNote(UUID sessionId, UUID clientId, Instant startsAt, Instant endsAt, Instant completedAt) {

        static DueNote of(CaseloadSession session) {
            return new DueNote(session.id(), session.clientId(), session.startsAt(), session.endsAt(),
                    session.completedAt());
        }
    }
}
