package org.teletherapy.web.home;

import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.api.ApiUnavailable;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * One part of a page filled from one API call. When that part's service is down the page still renders, and says
 * in that part's place that it cannot be shown right now.
 */
public record Section<T>(List<T> items, boolean unavailable) {

    public static <T> Mono<Section<T>> of(Mono<List<T>> items) {
        return items.map(list -> new Section<>(list, false))
                .onErrorResume(Section::isOutage, outage -> Mono.just(new Section<>(List.of(), true)));
    }

    /**
     * The API refused what was sent (4xx), so a form can say why next to its fields; an expired sign-in (401) is not
     * one of those, and goes on to sign in again.
     */
    public static boolean isRefusal(Throwable error) {
        return error instanceof ApiProblem problem && problem.status().is4xxClientError()
                && problem.status().value() != 401;
    }

    /** The API could not be reached, or its service failed: the part says so instead of failing the page. */
    public static boolean isOutage(Throwable error) {
        return error instanceof ApiUnavailable
                || error instanceof ApiProblem problem && problem.status().is5xxServerError();
    }
}
