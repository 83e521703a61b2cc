package org.teletherapy.sessions.figures;

import org.springframework.stereotype.Component;
import org.teletherapy.service.ops.OpsFiguresContributor;
import org.teletherapy.sessions.booking.SessionFigures;
import reactor.core.publisher.Mono;

import java.util.Map;

/** Today's bookings, late cancellations and no-shows in the service's ops status (group {@code scheduling}). */
@Component
class SchedulingOpsFigures implements OpsFiguresContributor {

    private final SessionFigures figures;

    SchedulingOpsFigures(SessionFigures figures) {
        this.figures = figures;
    }

    @Override
    public String name() {
        return "scheduling";
    }

    @Override
    public Mono<Map<String, Long>> figures() {
        return figures.today().map(today -> Map.of("bookedToday", today.bookedToday(),
                "lateCancellationsToday", today.lateCancellationsToday(), "noShowsToday", today.noShowsToday()));
    }
}
