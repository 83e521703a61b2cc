package org.teletherapy.service.ops;

import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One group of figures in a service's operator status ({@code GET /api/v1/ops/status}), e.g. {@code scheduling} or
 * {@code pipeline}. Declare it as a bean; the status collects every one.
 *
 * <p>Figures are counts and ages in seconds, so the values are {@code Long}: a name, an id or free text cannot end up
 * in the status by mistake.
 */
public interface OpsFiguresContributor {

    /** The group's key in the status; the gateway's overview reads it, so keep it stable. */
    String name();

    /**
     * The figures by name. One that cannot be known right now (its database or Kafka away) is left out rather than
     * guessed. A failure or an answer slower than the status allows leaves the whole group out of the status.
     */
    Mono<Map<String, Long>> figures();

    static OpsFiguresContributor of(String name, Supplier<Mono<Map<String, Long>>> figures) {
        return new OpsFiguresContributor() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Mono<Map<String, Long>> figures() {
                return figures.get();
            }
        };
    }
}
