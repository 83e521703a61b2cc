package org.teletherapy.web.notes;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.notes.NoteViews.Draft;
import org.teletherapy.web.notes.NotesApi.Written;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writing a note's text to notes-service, and what the person is told when that fails. Whatever fails, the text
 * they typed goes back to them: in the form the page shows again, or, for the page's script, in the page itself
 * (the answer says what went wrong; the script never replaces the text).
 */
@Component
class NoteWriting {

    private final Api api;
    private final MessageSource messages;
    private final Viewers viewers;

    NoteWriting(Api api, MessageSource messages, Viewers viewers) {
        this.api = api;
        this.messages = messages;
        this.viewers = viewers;
    }

    Mono<Written> create(Draft typed) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("sessionId", typed.sessionId());
        note.put("kind", typed.kind());
        note.put("content", typed.content());
        return api.post(NotesApi.NOTES, note, Written.class);
    }

    /** A new version of the draft; based on {@code version}, so that a change made meanwhile elsewhere is not lost. */
    Mono<Written> update(String id, String content, Integer version) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("content", content);
        if (version != null && version > 0) {
            change.put("version", version);
        }
        return api.put(NotesApi.NOTE, change, Written.class, id);
    }

    /** What the page's script is told after a save: the new version, and when (as notes-service recorded it). */
    Map<String, Object> saved(Written written, ServerWebExchange exchange) {
        Viewer viewer = viewers.of(exchange);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", written.version());
        answer.put("message", written.updatedAt() == null ? text("notes.saved", viewer.locale())
                : text("notes.savedAt", viewer.locale(), viewer.time(written.updatedAt())));
        return answer;
    }

    /** The draft as typed, with the refusal worded beside the text, or above the form when it concerns the note. */
    Draft refused(Draft typed, Throwable failure, Locale locale) {
        String message = message(failure, locale);
        boolean aboutText = aboutText(failure);
        return new Draft(typed.id(), typed.sessionId(), typed.kind(), typed.psychotherapy(),
                currentVersion(failure, typed.version()), typed.content(), typed.action(), typed.saveUrl(),
                aboutText ? message : null, aboutText ? null : message);
    }

    /** The same refusal for the page's script, which keeps the text in the page and shows the message. */
    ResponseEntity<Map<String, Object>> refusedAnswer(Throwable failure, ServerWebExchange exchange) {
        Locale locale = viewers.of(exchange).locale();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", message(failure, locale));
        answer.put("field", aboutText(failure) ? "content" : null);
        answer.put("expired", signedOut(failure));
        if (failure instanceof ApiProblem problem && problem.textOf("currentVersion") != null) {
            answer.put("currentVersion", Integer.valueOf(problem.textOf("currentVersion")));
        }
        String existing = existingNote(failure);
        if (existing != null) {
            answer.put("editorUrl", "/notes/" + existing);
        }
        return ResponseEntity.status(statusOf(failure)).body(answer);
    }

    private String message(Throwable failure, Locale locale) {
        if (signedOut(failure)) {
            return text("notes.error.signedOut", locale);
        }
        if (Section.isOutage(failure) || !(failure instanceof ApiProblem)) {
            return text("notes.error.unavailable", locale);
        }
        ApiProblem problem = (ApiProblem) failure;
        if ("content-too-large".equals(problem.kind())) {
            String max = problem.textOf("maxBytes");
            return text("notes.error.too-large", locale, max == null ? 64 : Integer.parseInt(max) / 1024);
        }
        if (problem.status().value() == 400 && problem.errors().stream().anyMatch(error -> "content".equals(error.field()))) {
            return text("notes.error.blank", locale);
        }
        String detail = problem.detail() == null ? text("notes.error.refused", locale) : problem.detail();
        return messages.getMessage("notes.problem." + problem.kind(), null, detail, locale);
    }

    private static boolean aboutText(Throwable failure) {
        return failure instanceof ApiProblem problem && ("content-too-large".equals(problem.kind())
                || problem.status().value() == 400 && problem.errors().stream().anyMatch(error -> "content".equals(error.field())));
    }

    private static int currentVersion(Throwable failure, int typed) {
        String current = failure instanceof ApiProblem problem ? problem.textOf("currentVersion") : null;
        return current == null ? typed : Integer.parseInt(current);
    }

    /**
     * The sign-in behind the page is over: the API no longer takes its token, or Keycloak would not refresh it. The
     * web session may still be there, so the page's form still works once the person has signed in again.
     */
    static boolean signedOut(Throwable failure) {
        return failure instanceof ApiProblem problem && problem.status().value() == 401
                || failure instanceof OAuth2AuthorizationException;
    }

    static HttpStatusCode statusOf(Throwable failure) {
        if (signedOut(failure)) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (failure instanceof ApiProblem problem && !problem.status().is5xxServerError()) {
            return problem.status();
        }
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    /** The note the session already has of this kind ({@code note-exists}), or null. */
    static String existingNote(Throwable failure) {
        return failure instanceof ApiProblem problem && "note-exists".equals(problem.kind()) ? problem.textOf("noteId") : null;
    }

    /** A textarea's text as typed: browsers send its line breaks as CR LF. */
    static String text(String posted) {
        return posted == null ? "" : posted.replace("\r\n", "\n");
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
