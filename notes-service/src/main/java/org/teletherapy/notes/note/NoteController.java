package org.teletherapy.notes.note;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditEntryView;
import org.teletherapy.notes.note.NoteRequests.NewAddendum;
import org.teletherapy.notes.note.NoteRequests.NewNote;
import org.teletherapy.notes.note.NoteRequests.NoteChange;
import org.teletherapy.notes.note.NoteViews.AddendumSummary;
import org.teletherapy.notes.note.NoteViews.NoteDetails;
import org.teletherapy.notes.note.NoteViews.NoteSummary;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.service.web.RequestIdWebFilter;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Clinical notes, for therapists only: clients never read notes written about them (psychotherapy notes least of
 * all), operators never see clinical content. Refusals by role are audited like every other failed access
 * ({@link RefusedNoteAccess}).
 */
@RestController
@RequestMapping("/api/v1/notes")
@PreAuthorize("hasRole('THERAPIST')")
class NoteController {

    private final NoteService notes;

    NoteController(NoteService notes) {
        this.notes = notes;
    }

    /** The notes the calling therapist wrote, newest first, without content. */
    @GetMapping
    Mono<List<NoteSummary>> mine(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request) {
        return notes.list(context(jwt, request), therapist(jwt));
    }

    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemTypes(forbidden = "client-not-on-caseload", conflict = "note-exists",
            gone = "client-erased", contentTooLarge = "content-too-large", unprocessable = {"unknown-session",
            "session-not-held", "structured-fields-progress-only", "structured-fields-mismatch"})
    @PostMapping
    Mono<ResponseEntity<NoteSummary>> create(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                             @Valid @RequestBody NewNote note) {
        return notes.create(context(jwt, request), therapist(jwt), note)
                .map(created -> ResponseEntity.created(URI.create("/api/v1/notes/" + created.id())).body(created));
    }

    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload", gone = "client-erased",
            unavailable = "note-key-unavailable", serverError = "note-integrity-failure")
    @GetMapping("/{id}")
    Mono<NoteDetails> read(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @PathVariable UUID id) {
        return notes.read(context(jwt, request), therapist(jwt), id);
    }

    /** Replaces a draft's text; signed notes are locked. */
    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload", conflict = {"note-signed",
            "note-version-conflict"}, gone = "client-erased", contentTooLarge = "content-too-large",
            unprocessable = {"note-kind-fixed", "structured-fields-progress-only", "structured-fields-mismatch"})
    @PutMapping("/{id}")
    Mono<NoteSummary> update(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @PathVariable UUID id,
                             @Valid @RequestBody NoteChange change) {
        return notes.update(context(jwt, request), therapist(jwt), id, change);
    }

    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload", conflict = "note-signed")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> delete(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @PathVariable UUID id) {
        return notes.delete(context(jwt, request), therapist(jwt), id);
    }

    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload", conflict = "note-already-signed",
            gone = "client-erased", unavailable = "note-key-unavailable", serverError = "note-integrity-failure")
    @PostMapping("/{id}/sign")
    Mono<NoteSummary> sign(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @PathVariable UUID id) {
        return notes.sign(context(jwt, request), therapist(jwt), id);
    }

    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload", conflict = "note-not-signed",
            gone = "client-erased", contentTooLarge = "content-too-large")
    @PostMapping("/{id}/addenda")
    Mono<ResponseEntity<AddendumSummary>> addAddendum(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request,
                                                      @PathVariable UUID id, @Valid @RequestBody NewAddendum addendum) {
        return notes.addAddendum(context(jwt, request), therapist(jwt), id, addendum)
                .map(added -> ResponseEntity.created(URI.create("/api/v1/notes/" + id + "/addenda/" + added.id()))
                        .body(added));
    }

    /** Who did what with this note, for its author. */
    @ProblemTypes(notFound = "note-not-found", forbidden = "client-not-on-caseload")
    @GetMapping("/{id}/audit")
    Mono<List<AuditEntryView>> audit(@AuthenticationPrincipal Jwt jwt, ServerHttpRequest request, @PathVariable UUID id) {
        return notes.auditOf(context(jwt, request), therapist(jwt), id);
    }

    private static AuditContext context(Jwt jwt, ServerHttpRequest request) {
        return AuditContext.of(Caller.from(jwt), Role.THERAPIST, RequestIdWebFilter.requestId(request));
    }

    private static UUID therapist(Jwt jwt) {
        return Caller.from(jwt).id();
    }
}
