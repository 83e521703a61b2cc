package org.teletherapy.web.mydata;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "Download my data" and "Who saw my record", for a client (GDPR Art. 15 and 20, HIPAA §164.524): their record as one
 * FHIR Bundle to keep or take to another provider, the same record as a page to read and print, and the accesses to
 * it that the platform records.
 */
@Controller
class MyDataController {

    static final String ACCESS_LOG = "/api/v1/notes/access-log";
    static final MediaType FHIR_JSON = MediaType.parseMediaType("application/fhir+json");

    private final MyRecord record;
    private final Api api;
    private final Viewers viewers;
    private final Clock clock;

    MyDataController(MyRecord record, Api api, Viewers viewers, Clock clock) {
        this.record = record;
        this.api = api;
        this.viewers = viewers;
        this.clock = clock;
    }

    /** The record in words, printable, with the download beside it. */
    @GetMapping("/my-data")
    Mono<String> summary(Authentication authentication, ServerWebExchange exchange, Model model) {
        UUID client = Roles.requireClient(authentication);
        Viewer viewer = viewers.of(exchange);
        return record.of(client)
                .map(parts -> {
                    model.addAttribute("summary", RecordSummary.of(parts, viewer));
                    model.addAttribute("unavailable", false);
                    return "mydata/summary";
                })
                .onErrorResume(Section::isOutage, outage -> {
                    model.addAttribute("unavailable", true);
                    return Mono.just("mydata/summary");
                });
    }

    /** The whole record as one FHIR R4 collection Bundle, as a file. */
    @GetMapping("/my-data/record.json")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> download(Authentication authentication) {
        UUID client = Roles.requireClient(authentication);
        return record.of(client).map(parts -> ResponseEntity.ok()
                .contentType(FHIR_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("my-record-" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + ".json").build().toString())
                // Health data: no copy in a shared cache or the browser's.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(MyRecord.bundle(parts, clock.instant())));
    }

    /** Who read or changed the record, from the audit trails that exist, and a plain word on those that do not. */
    @GetMapping("/my-data/access")
    Mono<String> access(Authentication authentication, ServerWebExchange exchange, Model model) {
        Roles.requireClient(authentication);
        Viewer viewer = viewers.of(exchange);
        Mono<Map<UUID, String>> therapists = api.list("/api/v1/care-team", CareTeamMember.class)
                .map(team -> team.stream().filter(member -> member.therapistId() != null)
                        .collect(Collectors.toMap(CareTeamMember::therapistId, CareTeamMember::name, (a, b) -> a)))
                .onErrorResume(Section::isOutage, outage -> Mono.just(Map.of()));
        return Mono.zip(Section.of(api.list(ACCESS_LOG, AccessLog.Entry.class)), therapists)
                .map(found -> {
                    model.addAttribute("log", AccessLog.of(found.getT1(), found.getT2(), viewer));
                    return "mydata/access";
                });
    }

    record CareTeamMember(UUID therapistId, UUID clientId, String name) {
    }
}
