package org.teletherapy.web.console;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.home.Section;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operator creates a therapist's account; Keycloak mails them the link to set a password. The console lists no
 * accounts and, once created, does not repeat who was created: operators run the platform, not the practice.
 */
@Controller
class AccountsController {

    static final String THERAPISTS = "/api/v1/accounts/therapists";
    static final java.util.List<String> FIELDS = java.util.List.of("firstName", "lastName", "email");

    private final Api api;

    AccountsController(Api api) {
        this.api = api;
    }

    @GetMapping("/console/accounts")
    String page(Authentication signedIn, Model model) {
        Roles.requireOperator(signedIn);
        model.addAttribute("form", NewTherapistForm.empty());
        model.addAttribute("fields", FIELDS);
        return "console/accounts";
    }

    @PostMapping("/console/accounts")
    Mono<String> create(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        return exchange.getFormData().flatMap(form -> {
            Map<String, String> values = values(form);
            return api.post(THERAPISTS, values, Map.class)
                    .thenReturn("redirect:/console/accounts?created")
                    .onErrorResume(failure -> {
                        if (failure instanceof ApiProblem problem && problem.status().is4xxClientError()) {
                            model.addAttribute("form", NewTherapistForm.refused(values, problem));
                        } else if (Section.isOutage(failure)) {
                            model.addAttribute("form", NewTherapistForm.notSent(values));
                        } else {
                            return Mono.error(failure);
                        }
                        model.addAttribute("fields", FIELDS);
                        return Mono.just("console/accounts");
                    });
        });
    }

    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = form.getFirst(field);
            values.put(field, value == null ? "" : value.trim());
        }
        return values;
    }
}
