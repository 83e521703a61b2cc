package org.teletherapy.exercises.figures;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What operators may see of homework and safety: counts only. */
@RestController
class FiguresController {

    private final ExerciseFigures figures;

    FiguresController(ExerciseFigures figures) {
        this.figures = figures;
    }

    @GetMapping("/api/v1/assignments/figures")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<Figures.Homework> homework() {
        return figures.homework();
    }

    @GetMapping("/api/v1/safety-alerts/figures")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<Figures.Safety> safety() {
        return figures.safety();
    }
}
