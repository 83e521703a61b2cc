package org.teletherapy.notes.caseload;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;

/**
 * The therapist's outstanding documentation: completed sessions without a progress note. A psychotherapy note does
 * not count, because it is kept apart from the clinical record and cannot stand in for it.
 */
@RestController
class DueNotesController {

    private final Caseload caseload;

    DueNotesController(Caseload caseload) {
        this.caseload = caseload;
    }

    @GetMapping("/api/v1/notes/due")
    @PreAuthorize("hasRole('THERAPIST')")
    Flux<DueNote> due(@AuthenticationPrincipal Jwt jwt) {
        return caseload.dueNotes(Caller.from(jwt).id()).map(DueNote::of);
    }

    record DueNote(UUID sessionId, UUID clientId, Instant startsAt, Instant endsAt, Instant completedAt) {

        static DueNote of(CaseloadSession session) {
            return new DueNote(session.id(), session.clientId(), session.startsAt(), session.endsAt(),
                    session.completedAt());
        }
    }
}
