package org.teletherapy.web.scores;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.UUID;

/**
 * The PHQ-9 and GAD-7 charts of one person, from {@code GET /api/v1/measures}: a client's own (no id: the API takes
 * the caller's), or a client's on the signed-in therapist's caseload. A chart whose history cannot be reached says so
 * in its place.
 */
@Component
public class ScoreCharts {

    private final Api api;
    private final MessageSource messages;

    ScoreCharts(Api api, MessageSource messages) {
        this.api = api;
        this.messages = messages;
    }

    /** @param emptyKey the message for an instrument without results, e.g. "No PHQ-9 results yet." */
    public Mono<List<ScoreChart>> of(@Nullable UUID clientId, Viewer viewer, String emptyKey) {
        return Flux.fromIterable(List.of(Bands.PHQ_9, Bands.GAD_7))
                .flatMapSequential(instrument -> Section.of(history(clientId, instrument))
                        .map(history -> ScoreChart.of(instrument, history, viewer, (key, arguments) ->
                                messages.getMessage(key, arguments, null, viewer.locale()), emptyKey)))
                .collectList();
    }

    private Mono<List<Measure>> history(@Nullable UUID clientId, Bands instrument) {
        return clientId == null
                ? api.list("/api/v1/measures?instrument={instrument}", Measure.class, instrument.instrument())
                : api.list("/api/v1/measures?clientId={clientId}&instrument={instrument}", Measure.class, clientId,
                        instrument.instrument());
    }
}
