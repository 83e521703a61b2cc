package org.teletherapy.web.notes;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.notes.NoteViews.AddendumView;
import org.teletherapy.web.notes.NoteViews.Draft;
import org.teletherapy.web.notes.NoteViews.LogLine;
import org.teletherapy.web.notes.NotesApi.AuditEntry;
import org.teletherapy.web.notes.NotesApi.NoteDetails;
import org.teletherapy.web.page.TherapistOnly;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One note: a draft is edited (saved by the button, and by the page's script as the therapist writes), then signed
 * after a confirmation, which locks it; a signed note is read-only and takes addenda. Its access log shows who read
 * or changed it, from notes-service's audit trail.
 */
@Controller
class NoteController {

    private final Api api;
    private final Viewers viewers;
    private final SessionsAndClients known;
    private final NoteWriting writing;
    private final MessageSource messages;

    NoteController(Api api, Viewers viewers, SessionsAndClients known, NoteWriting writing, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.known = known;
        this.writing = writing;
        this.messages = messages;
    }

    @GetMapping("/notes/{id}")
    Mono<String> note(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        var query = exchange.getRequest().getQueryParams();
        for (String done : List.of("saved", "exists", "signed", "addendum")) {
            model.addAttribute(done, query.containsKey(done));
        }
        return TherapistOnly.check(exchange).then(read(id)).flatMap(note -> note.signed()
                ? signedPage(note, null, null, viewer, model)
                : draftPage(note, editing(note, note.content(), note.version(), null), viewer, model));
    }

    /** The form without script: saves the draft, then shows it again, or leads to signing it. */
    @PostMapping("/notes/{id}")
    Mono<String> save(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> {
            String content = NoteWriting.text(form.getFirst("content"));
            boolean sign = "sign".equals(form.getFirst("action"));
            return writing.update(id.toString(), content, version(form))
                    .map(saved -> sign ? "redirect:/notes/" + id + "/sign" : "redirect:/notes/" + id + "?saved")
                    .onErrorResume(failure -> {
                        if (failure instanceof ApiProblem problem && "note-signed".equals(problem.kind())) {
                            return Mono.just("redirect:/notes/" + id);
                        }
                        exchange.getResponse().setStatusCode(NoteWriting.statusOf(failure));
                        Draft typed = writing.refused(posted(id, form, content), failure, viewer.locale());
                        model.addAttribute("draft", typed);
                        return known.known().map(names -> {
                            model.addAttribute("about", names.about(form.getFirst("sessionId"), viewer));
                            return "notes/editor";
                        });
                    });
        });
    }

    /** The page's script saves the draft here (as the therapist writes, and for the buttons). */
    @PostMapping("/notes/{id}/draft")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> autosave(@PathVariable UUID id, ServerWebExchange exchange) {
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form ->
                writing.update(id.toString(), NoteWriting.text(form.getFirst("content")), version(form))
                        .map(saved -> ResponseEntity.ok(writing.saved(saved, exchange)))
                        .onErrorResume(failure -> Mono.just(writing.refusedAnswer(failure, exchange))));
    }

    /** Signing asks first: it locks the note for good. */
    @GetMapping("/notes/{id}/sign")
    Mono<String> confirmSigning(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(read(id)).flatMap(note -> note.signed()
                ? Mono.just("redirect:/notes/" + id)
                : confirmPage(note, null, viewer, model));
    }

    @PostMapping("/notes/{id}/sign")
    Mono<String> sign(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange)
                .then(api.post(NotesApi.NOTE + "/sign", Map.of(), Map.class, id))
                .map(signed -> "redirect:/notes/" + id + "?signed")
                .onErrorResume(failure -> {
                    if (failure instanceof ApiProblem problem && "note-already-signed".equals(problem.kind())) {
                        return Mono.just("redirect:/notes/" + id);
                    }
                    exchange.getResponse().setStatusCode(NoteWriting.statusOf(failure));
                    String problem = writing.refused(new Draft(null, null, null, false, 0, "", null, null, null, null),
                            failure, viewer.locale()).problem();
                    return read(id).flatMap(note -> confirmPage(note, problem, viewer, model));
                });
    }

    @PostMapping("/notes/{id}/addenda")
    Mono<String> addAddendum(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> {
            String content = NoteWriting.text(form.getFirst("content"));
            return api.post(NotesApi.NOTE + "/addenda", Map.of("content", content), Map.class, id)
                    .map(added -> "redirect:/notes/" + id + "?addendum")
                    .onErrorResume(failure -> {
                        exchange.getResponse().setStatusCode(NoteWriting.statusOf(failure));
                        Draft refused = writing.refused(new Draft(null, null, null, false, 0, content, null, null, null,
                                null), failure, viewer.locale());
                        String error = refused.contentError() != null ? refused.contentError() : refused.problem();
                        return read(id).flatMap(note -> signedPage(note, content, error, viewer, model));
                    });
        });
    }

    /** The note's own access log, latest first: every read, change and refusal notes-service recorded. */
    @GetMapping("/notes/{id}/log")
    Mono<String> log(@PathVariable UUID id, Principal principal, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        model.addAttribute("noteHref", "/notes/" + id);
        return TherapistOnly.check(exchange)
                .then(api.list(NotesApi.NOTE + "/audit", AuditEntry.class, id))
                .onErrorMap(NoteController::notFound)
                .map(entries -> {
                    model.addAttribute("entries", entries.stream()
                            .sorted(Comparator.comparingLong(AuditEntry::sequence).reversed())
                            .map(entry -> logLine(entry, principal, viewer)).toList());
                    return "notes/log";
                })
                .onErrorResume(Section::isOutage, outage -> {
                    model.addAttribute("entries", List.of());
                    model.addAttribute("unavailable", true);
                    return Mono.just("notes/log");
                });
    }

    private Mono<NoteDetails> read(UUID id) {
        return api.get(NotesApi.NOTE, NoteDetails.class, id).onErrorMap(NoteController::notFound);
    }

    private Mono<String> draftPage(NoteDetails note, Draft draft, Viewer viewer, Model model) {
        model.addAttribute("draft", draft);
        return known.known().map(names -> {
            model.addAttribute("about", names.about(String.valueOf(note.sessionId()), viewer));
            return "notes/editor";
        });
    }

    private Mono<String> signedPage(NoteDetails note, String addendum, String addendumError, Viewer viewer, Model model) {
        model.addAttribute("note", note);
        model.addAttribute("psychotherapy", NotesController.PSYCHOTHERAPY.equals(note.kind()));
        model.addAttribute("signedAt", note.signedAt() == null ? null : viewer.dateTime(note.signedAt()));
        model.addAttribute("addenda", note.addendaOrNone().stream()
                .map(added -> new AddendumView(viewer.dateTime(added.createdAt()), added.content())).toList());
        model.addAttribute("addendumText", addendum == null ? "" : addendum);
        model.addAttribute("addendumError", addendumError);
        return known.known().map(names -> {
            model.addAttribute("about", names.about(String.valueOf(note.sessionId()), viewer));
            return "notes/note";
        });
    }

    private Mono<String> confirmPage(NoteDetails note, String problem, Viewer viewer, Model model) {
        model.addAttribute("note", note);
        model.addAttribute("psychotherapy", NotesController.PSYCHOTHERAPY.equals(note.kind()));
        model.addAttribute("problem", problem);
        return known.known().map(names -> {
            model.addAttribute("about", names.about(String.valueOf(note.sessionId()), viewer));
            return "notes/sign";
        });
    }

    private static Draft editing(NoteDetails note, String content, int version, String problem) {
        return new Draft(note.id().toString(), String.valueOf(note.sessionId()), note.kind(),
                NotesController.PSYCHOTHERAPY.equals(note.kind()), version, content == null ? "" : content,
                "/notes/" + note.id(), "/notes/" + note.id() + "/draft", null, problem);
    }

    /** The draft as the form posted it: what the page shows again when saving it failed. */
    private static Draft posted(UUID id, MultiValueMap<String, String> form, String content) {
        String kind = NotesController.PSYCHOTHERAPY.equals(form.getFirst("kind"))
                ? NotesController.PSYCHOTHERAPY : NotesController.PROGRESS;
        Integer version = version(form);
        return new Draft(id.toString(), form.getFirst("sessionId"), kind, NotesController.PSYCHOTHERAPY.equals(kind),
                version == null ? 0 : version, content, "/notes/" + id, "/notes/" + id + "/draft", null, null);
    }

    private LogLine logLine(AuditEntry entry, Principal principal, Viewer viewer) {
        Locale locale = viewer.locale();
        boolean me = entry.actorId() != null && principal != null && entry.actorId().toString().equals(principal.getName());
        String who = me ? text("notes.log.you", locale)
                : messages.getMessage("notes.log.role." + entry.actorRole(), null, String.valueOf(entry.actorRole()), locale);
        String what = messages.getMessage("notes.log.activity." + entry.activity(), null, entry.activity(), locale);
        boolean failed = !"success".equals(entry.outcome());
        String outcome = messages.getMessage("notes.log.outcome." + entry.outcome(), null, entry.outcome(), locale);
        return new LogLine(viewer.dateTime(entry.occurredAt()), who, what, outcome, failed, entry.requestId());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private static Integer version(MultiValueMap<String, String> form) {
        try {
            String version = form.getFirst("version");
            return version == null || version.isBlank() ? null : Integer.valueOf(version.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Another therapist's note, or none: the same "not found" page. A gone client's notes too. */
    private static Throwable notFound(Throwable error) {
        return error instanceof ApiProblem problem && (problem.status().value() == 404 || problem.status().value() == 410)
                ? new ResponseStatusException(HttpStatus.NOT_FOUND) : error;
    }
}
