package org.teletherapy.notes.note;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.teletherapy.notes.erasure.ErasedContent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Notes and addenda in SQL: explicit statements, because locks and the exact columns matter here. */
@Repository
class NoteRepository implements ErasedContent {

    private static final String COLUMNS = "id, session_id, client_id, author_id, kind, status, version, format, "
            + "content_ciphertext, created_at, updated_at, signed_at";

    private final DatabaseClient database;

    NoteRepository(DatabaseClient database) {
        this.database = database;
    }

    /** @param forUpdate lock the note until the transaction ends, for a change that depends on its state */
    Mono<Note> find(UUID id, boolean forUpdate) {
        return database.sql("select " + COLUMNS + " from note where id = :id" + (forUpdate ? " for update" : ""))
                .bind("id", id)
                .map(NoteRepository::note)
                .one();
    }

    /** Those of the sessions that have a progress note. */
    Mono<Set<UUID>> withProgressNote(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql("select session_id from note where kind = 'progress' and session_id = any(:sessions)")
                .bind("sessions", sessionIds.toArray(UUID[]::new))
                .map(row -> row.get("session_id", UUID.class))
                .all().collect(HashSet::new, Set::add);
    }

    @Override
    public Mono<Long> notesOf(UUID clientId) {
        return database.sql("select count(*) as notes from note where client_id = :client").bind("client", clientId)
                .map(row -> row.get("notes", Long.class)).one();
    }

    @Override
    public Mono<Instant> lastSignedAt(UUID clientId) {
        return database.sql("select max(signed_at) as last_signed from note where client_id = :client and status = 'signed'")
                .bind("client", clientId)
                .map(row -> Optional.ofNullable(row.get("last_signed", Instant.class)))
                .one()
                .flatMap(Mono::justOrEmpty);
    }

    Mono<UUID> findIdBySessionAndKind(UUID sessionId, String kind) {
        return database.sql("select id from note where session_id = :session and kind = :kind")
                .bind("session", sessionId).bind("kind", kind)
                .map(row -> row.get("id", UUID.class)).one();
    }

    /** The author's notes, newest first. */
    Flux<ListedNote> findByAuthor(UUID authorId) {
        return database.sql("""
                        select id, session_id, client_id, kind, status, version, format, created_at, updated_at, signed_at
                          from note
                         where author_id = :author
                         order by created_at desc, id""")
                .bind("author", authorId)
                .map(row -> new ListedNote(row.get("id", UUID.class), row.get("session_id", UUID.class),
                        row.get("client_id", UUID.class), row.get("kind", String.class), row.get("status", String.class),
                        row.get("version", Integer.class), row.get("format", String.class),
                        row.get("created_at", Instant.class), row.get("updated_at", Instant.class),
                        row.get("signed_at", Instant.class)))
                .all();
    }

    record ListedNote(UUID id, UUID sessionId, UUID clientId, String kind, String status, int version, String format,
                      Instant createdAt, Instant updatedAt, Instant signedAt) {
    }

    /** Inserts the note, or nothing if its session has a note of its kind already (then empty). */
    Mono<Note> insertUnlessExists(Note note) {
        return database.sql("insert into note (" + COLUMNS + ") values (:id, :session, :client, :author, :kind, :status, "
                        + ":version, :format, :content, :createdAt, :updatedAt, null) "
                        + "on conflict (session_id, kind) do nothing returning id")
                .bind("id", note.id()).bind("session", note.sessionId()).bind("client", note.clientId())
                .bind("author", note.authorId()).bind("kind", note.kind()).bind("status", note.status())
                .bind("version", note.version()).bind("format", note.format()).bind("content", note.contentCiphertext())
                .bind("createdAt", note.createdAt()).bind("updatedAt", note.updatedAt())
                .map(row -> note).one();
    }

    /** Writes a new version of a draft; the condition on the old version makes a lost update impossible. */
    Mono<Note> updateContent(Note note, int previousVersion) {
        return database.sql("update note set version = :version, format = :format, content_ciphertext = :content, "
                        + "updated_at = :updatedAt where id = :id and version = :previous and status = 'draft'")
                .bind("version", note.version()).bind("format", note.format()).bind("content", note.contentCiphertext())
                .bind("updatedAt", note.updatedAt()).bind("id", note.id()).bind("previous", previousVersion)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(note) : Mono.error(new IllegalStateException("note changed concurrently")));
    }

    Mono<Note> markSigned(Note note) {
        return database.sql("update note set status = 'signed', signed_at = :at, updated_at = :at where id = :id and status = 'draft'")
                .bind("at", note.signedAt()).bind("id", note.id())
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 1 ? Mono.just(note) : Mono.error(new IllegalStateException("note changed concurrently")));
    }

    Mono<Void> deleteDraft(UUID id) {
        return database.sql("delete from note where id = :id and status = 'draft'").bind("id", id).then();
    }

    Flux<Addendum> addendaOf(UUID noteId) {
        return database.sql("select id, note_id, author_id, content_ciphertext, created_at from note_addendum "
                        + "where note_id = :note order by created_at, id")
                .bind("note", noteId)
                .map(row -> new Addendum(row.get("id", UUID.class), row.get("note_id", UUID.class),
                        row.get("author_id", UUID.class), row.get("content_ciphertext", byte[].class),
                        row.get("created_at", Instant.class)))
                .all();
    }

    Mono<Addendum> insert(Addendum addendum) {
        return database.sql("insert into note_addendum (id, note_id, author_id, content_ciphertext, created_at) "
                        + "values (:id, :note, :author, :content, :createdAt)")
                .bind("id", addendum.id()).bind("note", addendum.noteId()).bind("author", addendum.authorId())
                .bind("content", addendum.contentCiphertext()).bind("createdAt", addendum.createdAt())
                .then().thenReturn(addendum);
    }

    private static Note note(Readable row) {
        return new Note(row.get("id", UUID.class), row.get("session_id", UUID.class), row.get("client_id", UUID.class),
                row.get("author_id", UUID.class), row.get("kind", String.class), row.get("status", String.class),
                row.get("version", Integer.class), row.get("format", String.class),
                row.get("content_ciphertext", byte[].class), row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class), row.get("signed_at", Instant.class));
    }
}
