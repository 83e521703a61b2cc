package org.teletherapy.sessions.figures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.sessions.booking.SessionFigures;
import reactor.core.publisher.Mono;

/** What operators may see of scheduling: counts, never who or when. */
@RestController
class OperatorFiguresController {

    private final SessionFigures figures;

    OperatorFiguresController(SessionFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/sessions/figures")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<SessionFigures.Figures> figures() {
        return figures.today();
    }
}
