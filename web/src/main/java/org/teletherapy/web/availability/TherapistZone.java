package org.teletherapy.web.availability;

import org.springframework.stereotype.Component;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import reactor.core.publisher.Mono;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The time zone a therapist works in: their availability's. Their week is drawn in it, so that "Mondays 09:00–17:00"
 * reads as they set it wherever their browser is. Without an availability yet (or while it cannot be read), the
 * browser's zone.
 */
@Component
public class TherapistZone {

    private final Api api;

    TherapistZone(Api api) {
        this.api = api;
    }

    /** The viewer's language with the therapist's zone. */
    public Mono<Viewer> of(Viewer viewer) {
        return api.get("/api/v1/availability", AvailabilityBody.class)
                .map(availability -> inZone(viewer, availability.timeZone()))
                .onErrorResume(failure -> Section.isOutage(failure) || notSet(failure), failure -> Mono.just(viewer))
                .defaultIfEmpty(viewer);
    }

    /** The viewer's language with the zone {@code id} names, or their own zone where it names none. */
    public static Viewer inZone(Viewer viewer, String id) {
        return new Viewer(viewer.locale(), zone(id, viewer.zone()));
    }

    private static boolean notSet(Throwable failure) {
        return failure instanceof ApiProblem problem && problem.status().value() == 404;
    }

    private static ZoneId zone(String id, ZoneId fallback) {
        try {
            return id == null ? fallback : ZoneId.of(id);
        } catch (DateTimeException e) {
            return fallback;
        }
    }
}
