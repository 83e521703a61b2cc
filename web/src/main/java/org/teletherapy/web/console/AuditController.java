package org.teletherapy.web.console;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.home.Section;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whether the notes' audit chain is intact, and its FHIR AuditEvent export as a file. The page shows the verdict and
 * counts only; the export holds ids and goes straight to the operator's disk, as the audit trail's owner decided.
 */
@Controller
class AuditController {

    static final String VERIFICATION = "/api/v1/notes/audit/verification";
    static final String FHIR = "/api/v1/notes/audit/fhir?after={after}&limit={limit}";
    private static final int PAGE = 1000;
    /** 100,000 entries: a deployment with more exports them from the API, which pages without end. */
    private static final int MAX_PAGES = 100;
    private static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final Api api;
    private final Clock clock;
    private final JsonMapper json;

    AuditController(Api api, Clock clock, JsonMapper json) {
        this.api = api;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/console/audit")
    Mono<String> page(Authentication signedIn, Model model) {
        Roles.requireOperator(signedIn);
        return api.get(VERIFICATION, Verification.class)
                .map(verification -> new AuditView(verification, false))
                .onErrorResume(Section::isOutage, outage -> Mono.just(new AuditView(null, true)))
                .doOnNext(view -> model.addAttribute("audit", view))
                .thenReturn("console/audit");
    }

    /** Every entry, fetched a page at a time (the API gives at most 1,000 per call), as one FHIR Bundle file. */
    @GetMapping("/console/audit/export")
    Mono<ResponseEntity<String>> export(Authentication signedIn) {
        Roles.requireOperator(signedIn);
        String file = "notes-audit-events-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".fhir.json";
        return page(0)
                .expand(page -> page.full() ? page(page.lastSequence()) : Mono.empty())
                .take(MAX_PAGES)
                .collectList()
                .map(pages -> ResponseEntity.ok()
                        .contentType(FHIR_JSON)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .body(json.writeValueAsString(ExportPage.bundle(pages, json))));
    }

    private Mono<ExportPage> page(long after) {
        return api.get(FHIR, JsonNode.class, after, PAGE).map(bundle -> ExportPage.of(bundle, PAGE));
    }

    /** The chain check as notes-service answers it; the first broken entry is named by its place, not its content. */
    public record Verification(boolean valid, long entries, Long firstBrokenSequence, String problem) {
    }

    public record AuditView(Verification verification, boolean unavailable) {
    }
}
