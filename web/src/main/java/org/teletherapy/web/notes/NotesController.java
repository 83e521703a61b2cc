package org.teletherapy.web.notes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.notes.NoteViews.About;
import org.teletherapy.web.notes.NoteViews.Draft;
import org.teletherapy.web.notes.NoteViews.NoteLine;
import org.teletherapy.web.notes.NoteViews.SessionChoice;
import org.teletherapy.web.notes.NotesApi.NoteSummary;
import org.teletherapy.web.page.TherapistOnly;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The therapist's notes: the list (drafts first), and a new note for a session, of one of the two kinds. A progress
 * note is the session's clinical record; a psychotherapy note is kept apart from it and only its author reads it,
 * so the two are chosen, worded and drawn differently. Once saved, a note is edited on its own page
 * ({@link NoteController}).
 */
@Controller
class NotesController {

    static final String PROGRESS = "progress";
    static final String PSYCHOTHERAPY = "psychotherapy";

    private final Api api;
    private final Viewers viewers;
    private final SessionsAndClients known;
    private final NoteWriting writing;

    NotesController(Api api, Viewers viewers, SessionsAndClients known, NoteWriting writing) {
        this.api = api;
        this.viewers = viewers;
        this.known = known;
        this.writing = writing;
    }

    @GetMapping("/notes")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange)
                .then(Mono.zip(Section.of(api.list(NotesApi.NOTES, NoteSummary.class)), known.known()))
                .map(found -> {
                    SessionsAndClients.Known names = found.getT2();
                    List<NoteLine> lines = found.getT1().items().stream()
                            // Drafts first (they are work to finish), then the latest change first.
                            .sorted(Comparator.comparing((NoteSummary note) -> !note.draft())
                                    .thenComparing(NoteSummary::updatedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                            .map(note -> new NoteLine("/notes/" + note.id(), PSYCHOTHERAPY.equals(note.kind()),
                                    note.draft(), note.erased(), names.name(note.clientId()),
                                    names.when(note.sessionId(), viewer),
                                    note.updatedAt() == null ? null : viewer.dateTime(note.updatedAt())))
                            .toList();
                    model.addAttribute("drafts", lines.stream().filter(NoteLine::draft).toList());
                    model.addAttribute("signed", lines.stream().filter(line -> !line.draft()).toList());
                    model.addAttribute("unavailable", found.getT1().unavailable());
                    model.addAttribute("namesUnavailable", found.getT2().unavailable());
                    return "notes/list";
                });
    }

    /**
     * A new note about a session ({@code sessionId}), of the kind asked for (a progress note unless said otherwise);
     * with {@code clientId} instead, the client's sessions to choose from.
     */
    @GetMapping("/notes/new")
    Mono<String> newNote(@RequestParam(required = false) UUID sessionId, @RequestParam(required = false) UUID clientId,
                         @RequestParam(required = false) String kind, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(known.known()).map(names -> {
            if (sessionId == null) {
                if (clientId == null) {
                    throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                }
                model.addAttribute("clientName", names.name(clientId));
                model.addAttribute("unavailable", names.unavailable());
                model.addAttribute("choices", names.sessionsOf(clientId).stream()
                        .map(session -> new SessionChoice("/notes/new?sessionId=" + session.id(),
                                viewer.dateTime(session.start()), session.status()))
                        .toList());
                return "notes/choose-session";
            }
            String chosen = PSYCHOTHERAPY.equals(kind) ? PSYCHOTHERAPY : PROGRESS;
            showNew(model, new Draft(null, sessionId.toString(), chosen, PSYCHOTHERAPY.equals(chosen), 0, "",
                    "/notes", "/notes/new/draft", null, null), names.about(sessionId.toString(), viewer));
            return "notes/new";
        });
    }

    /** The form without script: the draft is created and opened on its own page, or the form comes back as typed. */
    @PostMapping("/notes")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> {
            Draft typed = typed(form);
            return writing.create(typed)
                    .map(created -> "sign".equals(form.getFirst("action"))
                            ? "redirect:/notes/" + created.id() + "/sign" : "redirect:/notes/" + created.id() + "?saved")
                    .onErrorResume(failure -> {
                        String existing = NoteWriting.existingNote(failure);
                        if (existing != null) {
                            return Mono.just("redirect:/notes/" + existing + "?exists");
                        }
                        Viewer viewer = viewers.of(exchange);
                        exchange.getResponse().setStatusCode(NoteWriting.statusOf(failure));
                        return about(typed.sessionId(), viewer).map(about -> {
                            showNew(model, writing.refused(typed, failure, viewer.locale()), about);
                            return "notes/new";
                        });
                    });
        });
    }

    /** The page's script saves a new note's first draft here, and goes on saving it at its own address. */
    @PostMapping("/notes/new/draft")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> createDraft(ServerWebExchange exchange) {
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> writing.create(typed(form))
                .map(created -> {
                    Map<String, Object> body = new LinkedHashMap<>(writing.saved(created, exchange));
                    body.put("noteId", created.id());
                    body.put("editorUrl", "/notes/" + created.id());
                    body.put("saveUrl", "/notes/" + created.id() + "/draft");
                    body.put("action", "/notes/" + created.id());
                    return ResponseEntity.ok(body);
                })
                .onErrorResume(failure -> Mono.just(writing.refusedAnswer(failure, exchange))));
    }

    private Mono<About> about(String sessionId, Viewer viewer) {
        return known.known().map(names -> names.about(sessionId, viewer));
    }

    private void showNew(Model model, Draft draft, About about) {
        model.addAttribute("draft", draft);
        model.addAttribute("about", about);
    }

    private static Draft typed(MultiValueMap<String, String> form) {
        String kind = PSYCHOTHERAPY.equals(form.getFirst("kind")) ? PSYCHOTHERAPY : PROGRESS;
        return new Draft(null, form.getFirst("sessionId"), kind, PSYCHOTHERAPY.equals(kind), 0,
                NoteWriting.text(form.getFirst("content")), "/notes", "/notes/new/draft", null, null);
    }
}
