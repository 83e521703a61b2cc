package org.teletherapy.web.scores;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

/** "My scores": the client's PHQ-9 and GAD-7 results over time, each a chart and a table of the same figures. */
@Controller
class ScoresController {

    private final ScoreCharts charts;
    private final Viewers viewers;

    ScoresController(ScoreCharts charts, Viewers viewers) {
        this.charts = charts;
        this.viewers = viewers;
    }

    @GetMapping("/scores")
    Mono<String> scores(ServerWebExchange exchange, Model model) {
        return charts.of(null, viewers.of(exchange), "scores.empty")
                .doOnNext(found -> model.addAttribute("charts", found))
                .thenReturn("scores/scores");
    }
}
