package org.teletherapy.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An operator erases a client across the platform: the client's id (from the practice's request, never looked up
 * here) and a reason code, then a confirmation that says what will happen and that it cannot be undone, then the
 * erasure's status, part by part. No page shows a name or clinical content; the status page does not even repeat the
 * client's id, so an open status page tells an onlooker nothing about who.
 */
@Controller
class ErasuresController {

    static final String ERASURES = "/api/v1/erasures";
    static final List<String> REASONS = List.of("client-request", "consent-withdrawn", "legal-obligation");

    private final Api api;
    private final Viewers viewers;

    ErasuresController(Api api, Viewers viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping("/console/erasures")
    String page(Authentication signedIn, Model model) {
        Roles.requireOperator(signedIn);
        return form(model, ErasureForm.empty());
    }

    /** The confirmation step: nothing is sent to the API yet. */
    @PostMapping("/console/erasures/confirm")
    Mono<String> confirm(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        return exchange.getFormData().map(data -> {
            ErasureForm form = ErasureForm.of(values(data));
            if (form.hasErrors()) {
                return form(model, form);
            }
            model.addAttribute("form", form);
            return "console/erasure-confirm";
        });
    }

    @PostMapping("/console/erasures")
    Mono<String> start(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        return exchange.getFormData().flatMap(data -> {
            ErasureForm form = ErasureForm.of(values(data));
            if (form.hasErrors() || !"yes".equals(data.getFirst("confirmed"))) {
                return Mono.just(form(model, form));
            }
            return api.post(ERASURES, form.body(), Map.class)
                    .map(started -> "redirect:/console/erasures/" + UUID.fromString(String.valueOf(started.get("id")))
                            + "?started")
                    .onErrorResume(failure -> {
                        // 422 unknown-client or not-a-client, 503 identity-unavailable: the API says why.
                        if (failure instanceof ApiProblem problem && (problem.status().is4xxClientError()
                                || problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value())) {
                            return Mono.just(form(model, form.refused(problem)));
                        }
                        if (Section.isOutage(failure)) {
                            return Mono.just(form(model, form.unsent()));
                        }
                        return Mono.error(failure);
                    });
        });
    }

    @GetMapping("/console/erasures/{id}")
    Mono<String> status(Authentication signedIn, @PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        model.addAttribute("erasureId", id);
        return api.get(ERASURES + "/{id}", ErasureStatus.Answer.class, id)
                .map(answer -> ErasureStatus.of(answer, viewers.of(exchange)))
                .onErrorResume(failure -> failure instanceof ApiProblem problem && problem.status().value() == 404,
                        missing -> {
                            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                            return Mono.just(ErasureStatus.unknown());
                        })
                .onErrorResume(Section::isOutage, outage -> Mono.just(ErasureStatus.unavailable()))
                .doOnNext(status -> model.addAttribute("erasure", status))
                .thenReturn("console/erasure");
    }

    private static String form(Model model, ErasureForm form) {
        model.addAttribute("form", form);
        model.addAttribute("reasons", REASONS);
        return "console/erasures";
    }

    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : ErasureForm.FIELDS) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value.trim());
        }
        return values;
    }
}
