package org.teletherapy.exercises.figures;

import org.springframework.stereotype.Component;
import org.teletherapy.service.ops.OpsFiguresContributor;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Open safety alerts and how long the oldest has waited, in the service's ops status (group {@code safety}). */
@Component
class SafetyOpsFigures implements OpsFiguresContributor {

    private final ExerciseFigures figures;

    SafetyOpsFigures(ExerciseFigures figures) {
        this.figures = figures;
    }

    @Override
    public String name() {
        return "safety";
    }

    @Override
    public Mono<Map<String, Long>> figures() {
        return figures.safety().map(safety -> Map.of("openAlerts", safety.open(),
                "oldestOpenAlertAgeSeconds", safety.oldestOpenSeconds()));
    }
}
