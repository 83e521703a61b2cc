package org.teletherapy.web.scores;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/** "My scores": the client's PHQ-9 and GAD-7 results over time, each a chart and a table of the same figures. */
@Controller
class ScoresController {

    private final Api api;
    private final Viewers viewers;
    private final MessageSource messages;

    ScoresController(Api api, Viewers viewers, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping("/scores")
    Mono<String> scores(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return Flux.fromIterable(List.of(Bands.PHQ_9, Bands.GAD_7))
                .flatMapSequential(instrument -> Section.of(api.list("/api/v1/measures?instrument={instrument}", Measure.class,
                                instrument.instrument()))
                        .map(history -> ScoreChart.of(instrument, history, viewer, (key, arguments) ->
                                messages.getMessage(key, arguments, null, viewer.locale()))))
                .collectList()
                .doOnNext(charts -> model.addAttribute("charts", charts))
                .thenReturn("scores/scores");
    }
}
