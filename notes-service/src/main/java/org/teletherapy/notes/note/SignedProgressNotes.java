package org.teletherapy.notes.note;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.crypto.SubjectErasedException;
import org.teletherapy.crypto.SubjectKey;
import org.teletherapy.crypto.SubjectKeyring;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The part of the clinical record that leaves the service for the client's right of access and for an EHR: signed
 * progress notes with their addenda. Psychotherapy notes are excluded by the query itself (HIPAA §164.524(a)(1)(i)
 * leaves them out of the right of access, and they are never shown to anyone but their author), and so are drafts,
 * which are not part of the record until signed. Reads only; the caller audits the export.
 */
@Component
public class SignedProgressNotes {

    /** A signed progress note, opened. {@code sections} holds the SOAP or DAP sections that were filled in. */
    public record ExportedNote(UUID id, UUID sessionId, UUID clientId, UUID authorId, Instant createdAt,
                               Instant signedAt, String format, String content, List<Section> sections,
                               List<ExportedAddendum> addenda) {
    }

    public record Section(String name, String text) {
    }

    public record ExportedAddendum(UUID id, UUID authorId, Instant createdAt, String content) {
    }

    private final DatabaseClient database;
    private final NoteRepository notes;
    private final SubjectKeyring keyring;
    private final NoteSeal seal;

    SignedProgressNotes(DatabaseClient database, NoteRepository notes, SubjectKeyring keyring, NoteSeal seal) {
        this.database = database;
        this.notes = notes;
        this.keyring = keyring;
        this.seal = seal;
    }

    /**
     * The client's signed progress notes, oldest first; with {@code authorId} set, only that therapist's. Nothing
     * when the client was erased (their key is gone). A note that fails to authenticate fails the whole export.
     */
    public Flux<ExportedNote> ofClient(UUID clientId, UUID authorId) {
        DatabaseClient.GenericExecuteSpec select = database.sql("""
                        select id, session_id, client_id, author_id, kind, status, version, format, content_ciphertext,
                               created_at, updated_at, signed_at
                          from note
                         where client_id = :client and kind = 'progress' and status = 'signed'"""
                        + (authorId == null ? "" : " and author_id = :author") + " order by signed_at, id")
                .bind("client", clientId);
        if (authorId != null) {
            select = select.bind("author", authorId);
        }
        Flux<Note> signed = select.map(row -> new Note(row.get("id", UUID.class), row.get("session_id", UUID.class),
                        row.get("client_id", UUID.class), row.get("author_id", UUID.class), row.get("kind", String.class),
                        row.get("status", String.class), row.get("version", Integer.class), row.get("format", String.class),
                        row.get("content_ciphertext", byte[].class), row.get("created_at", Instant.class),
                        row.get("updated_at", Instant.class), row.get("signed_at", Instant.class)))
                .all()
                // Twice over: whatever the query says, only a signed progress note leaves.
                .filter(note -> Note.PROGRESS.equals(note.kind()) && note.signed());
        // The key only when there is something to open: a client without notes has no key at all.
        return signed.collectList()
                .flatMapMany(found -> found.isEmpty() ? Flux.<ExportedNote>empty()
                        : keyring.keyForReading(clientId).flatMapMany(key -> Flux.fromIterable(found)
                                .concatMap(note -> opened(key, note))))
                .onErrorResume(SubjectErasedException.class, erased -> Flux.empty());
    }

    private Mono<ExportedNote> opened(SubjectKey key, Note note) {
        NoteText text = seal.openContent(key, note);
        return notes.addendaOf(note.id())
                .map(addendum -> new ExportedAddendum(addendum.id(), addendum.authorId(), addendum.createdAt(),
                        seal.openAddendum(key, addendum)))
                .collectList()
                .map(addenda -> new ExportedNote(note.id(), note.sessionId(), note.clientId(), note.authorId(),
                        note.createdAt(), note.signedAt(), note.format(), text.content(), sections(text.structured()),
                        addenda));
    }

    private static List<Section> sections(Structured structured) {
        if (structured == null) {
            return List.of();
        }
        List<Section> sections = new java.util.ArrayList<>();
        add(sections, "Subjective", structured.subjective());
        add(sections, "Objective", structured.objective());
        add(sections, "Data", structured.data());
        add(sections, "Assessment", structured.assessment());
        add(sections, "Plan", structured.plan());
        return sections;
    }

    private static void add(List<Section> sections, String name, String text) {
        if (text != null && !text.isBlank()) {
            sections.add(new Section(name, text));
        }
    }

    /**
     * The ids of the client's progress notes (drafts too). A client's view of who accessed their record shows entries
     * about these only: a psychotherapy note is its author's alone, and even that one exists (or existed, as a deleted
     * draft) is not the client's to learn, so what is shown is chosen by inclusion, not by leaving some out.
     */
    public Mono<Set<UUID>> progressNoteIdsOf(UUID clientId) {
        return database.sql("select id from note where client_id = :client and kind = 'progress'")
                .bind("client", clientId)
                .map(row -> row.get("id", UUID.class))
                .all()
                .collect(HashSet::new, Set::add);
    }
}
