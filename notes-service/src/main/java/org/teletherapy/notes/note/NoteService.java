package org.teletherapy.notes.note;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.teletherapy.crypto.KeyUnavailableException;
import org.teletherapy.crypto.SubjectErasedException;
import org.teletherapy.crypto.SubjectKey;
import org.teletherapy.crypto.SubjectKeyring;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.notes.NoteKind;
import org.teletherapy.events.notes.NoteSigned;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditEntryView;
import org.teletherapy.notes.audit.AuditTrail;
import org.teletherapy.notes.caseload.Caseload;
import org.teletherapy.notes.caseload.CaseloadSession;
import org.teletherapy.notes.erasure.ErasedClients;
import org.teletherapy.notes.note.NoteRequests.NewAddendum;
import org.teletherapy.notes.note.NoteRequests.NewNote;
import org.teletherapy.notes.note.NoteRequests.NoteChange;
import org.teletherapy.notes.note.NoteViews.AddendumDetails;
import org.teletherapy.notes.note.NoteViews.AddendumSummary;
import org.teletherapy.notes.note.NoteViews.NoteDetails;
import org.teletherapy.notes.note.NoteViews.NoteSummary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The note life cycle: write a draft about a session, edit it, sign it (then it is final), amend it with addenda.
 * Only the therapist of the session writes, only the author reads. Every step runs in one transaction that ends
 * with its audit entry; a refused or failed step is audited after its rollback.
 */
@Service
class NoteService {

    private static final Logger log = LoggerFactory.getLogger(NoteService.class);

    private final NoteRepository notes;
    private final Caseload caseload;
    private final ErasedClients erasedClients;
    private final SubjectKeyring keyring;
    private final NoteSeal seal;
    private final AuditTrail audit;
    private final OutboxWriter outbox;
    private final NotesProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Counter integrityFailures;

    NoteService(NoteRepository notes, Caseload caseload, ErasedClients erasedClients, SubjectKeyring keyring,
                NoteSeal seal, AuditTrail audit, OutboxWriter outbox, NotesProperties properties, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.notes = notes;
        this.caseload = caseload;
        this.erasedClients = erasedClients;
        this.keyring = keyring;
        this.seal = seal;
        this.audit = audit;
        this.outbox = outbox;
        this.properties = properties;
        this.meters = meters;
        this.integrityFailures = Counter.builder("teletherapy.notes.integrity.failures")
                .description("Stored notes or addenda whose ciphertext failed authentication").register(meters);
    }

    Mono<List<NoteSummary>> list(AuditContext context, UUID therapistId) {
        return audit.audited(context, AuditAction.READ, "note.list", null,
                notes.findByAuthor(therapistId).collectList().flatMap(this::summaries), page -> null);
    }

    /** Each note with whether its client was erased meanwhile. */
    private Mono<List<NoteSummary>> summaries(List<NoteRepository.ListedNote> listed) {
        return erasedClients.among(listed.stream().map(NoteRepository.ListedNote::clientId).toList())
                .map(erased -> listed.stream().map(note -> NoteSummary.of(note, erased.contains(note.clientId())))
                        .toList());
    }

    Mono<NoteSummary> create(AuditContext context, UUID therapistId, NewNote request) {
        UUID noteId = UUID.randomUUID();
        Mono<Note> created = Mono.fromRunnable(() -> checkText(request.kind(), request.text()))
                .then(caseload.session(request.sessionId()))
                .switchIfEmpty(Mono.error(NoteProblems.UnknownSession::new))
                .flatMap(session -> mayWriteAbout(session, therapistId))
                .flatMap(session -> keyForWriting(session.clientId())
                        .map(key -> draft(noteId, session, therapistId, request, key)))
                .flatMap(note -> notes.insertUnlessExists(note)
                        .switchIfEmpty(notes.findIdBySessionAndKind(note.sessionId(), note.kind())
                                .flatMap(existing -> Mono.error(new NoteProblems.AlreadyExists(existing)))));
        return audit.audited(context, AuditAction.CREATE, "note.create", noteId, created, Note::clientId)
                .doOnNext(note -> count("teletherapy.notes.created", note))
                .map(NoteSummary::of);
    }

    Mono<NoteDetails> read(AuditContext context, UUID therapistId, UUID noteId) {
        Mono<NoteDetails> read = ownNote(noteId, therapistId, false)
                .flatMap(note -> keyForReading(note.clientId())
                        // Only signed notes have addenda (the database holds to that): drafts skip the query.
                        .flatMap(key -> (note.signed() ? notes.addendaOf(noteId) : Flux.<Addendum>empty())
                                .map(addendum -> new AddendumDetails(addendum.id(), addendum.noteId(), addendum.authorId(),
                                        addendum.createdAt(), seal.openAddendum(key, addendum)))
                                .collectList()
                                .map(addenda -> NoteDetails.of(note, seal.openContent(key, note), addenda))));
        return audit.audited(context, AuditAction.READ, "note.read", noteId, alertOnIntegrityFailure(read, context, noteId),
                NoteDetails::clientId);
    }

    Mono<NoteSummary> update(AuditContext context, UUID therapistId, UUID noteId, NoteChange change) {
        Mono<Note> updated = ownNote(noteId, therapistId, true)
                .flatMap(note -> {
                    if (note.signed()) {
                        return Mono.error(new NoteProblems.Signed());
                    }
                    if (change.kind() != null && !change.kind().equals(note.kind())) {
                        return Mono.error(new NoteProblems.KindChange());
                    }
                    if (change.version() != null && change.version() != note.version()) {
                        return Mono.error(new NoteProblems.VersionConflict(note.version()));
                    }
                    checkText(note.kind(), change.text());
                    return keyForWriting(note.clientId())
                            .map(key -> nextVersion(note, change.text(), key))
                            .flatMap(next -> notes.updateContent(next, note.version()));
                });
        return audit.audited(context, AuditAction.UPDATE, "note.update", noteId, updated, Note::clientId)
                .map(NoteSummary::of);
    }

    /** Signs what authenticates: a note whose ciphertext was tampered with is not signed. */
    Mono<NoteSummary> sign(AuditContext context, UUID therapistId, UUID noteId) {
        Mono<Note> signed = ownNote(noteId, therapistId, true)
                .flatMap(note -> note.signed() ? Mono.<Note>error(new NoteProblems.AlreadySigned()) : Mono.just(note))
                .flatMap(note -> keyForReading(note.clientId())
                        .map(key -> seal.openContent(key, note))
                        .thenReturn(note.signedAt(now())))
                .flatMap(notes::markSigned)
                .flatMap(note -> outbox.append(new NoteSigned(note.id(), note.sessionId(), note.clientId(), note.authorId(),
                                Note.PSYCHOTHERAPY.equals(note.kind()) ? NoteKind.PSYCHOTHERAPY : NoteKind.PROGRESS,
                                note.signedAt()), note.id().toString())
                        .thenReturn(note));
        return audit.audited(context, AuditAction.UPDATE, "note.sign", noteId,
                        alertOnIntegrityFailure(signed, context, noteId), Note::clientId)
                .doOnNext(note -> count("teletherapy.notes.signed", note))
                .map(NoteSummary::of);
    }

    Mono<AddendumSummary> addAddendum(AuditContext context, UUID therapistId, UUID noteId, NewAddendum request) {
        UUID addendumId = UUID.randomUUID();
        Mono<Tuple2<Note, Addendum>> added = Mono.fromRunnable(() -> checkSize(Structured.utf8Bytes(request.content())))
                .then(ownNote(noteId, therapistId, false))
                .flatMap(note -> note.signed() ? Mono.just(note) : Mono.<Note>error(new NoteProblems.NotSigned()))
                .flatMap(note -> keyForWriting(note.clientId()).map(key -> {
                    Instant at = now();
                    return Tuples.of(note, new Addendum(addendumId, noteId, therapistId,
                            seal.sealAddendum(key, addendumId, noteId, therapistId, at, request.content()), at));
                }))
                .flatMap(noteAndAddendum -> notes.insert(noteAndAddendum.getT2()).thenReturn(noteAndAddendum));
        return audit.audited(context, AuditAction.CREATE, "note.addendum", noteId, added,
                        noteAndAddendum -> noteAndAddendum.getT1().clientId())
                .map(noteAndAddendum -> AddendumSummary.of(noteAndAddendum.getT2()));
    }

    /** Drafts may be thrown away; signed notes are part of the record and stay. */
    Mono<Void> delete(AuditContext context, UUID therapistId, UUID noteId) {
        Mono<Note> deleted = ownNote(noteId, therapistId, true)
                .flatMap(note -> note.signed() ? Mono.<Note>error(new NoteProblems.Signed())
                        : notes.deleteDraft(noteId).thenReturn(note));
        return audit.audited(context, AuditAction.DELETE, "note.delete", noteId, deleted, Note::clientId).then();
    }

    /** Who did what with the author's note: the entries of the access audit about it. */
    Mono<List<AuditEntryView>> auditOf(AuditContext context, UUID therapistId, UUID noteId) {
        Mono<Tuple2<Note, List<AuditEntryView>>> entries = ownNote(noteId, therapistId, false)
                .flatMap(note -> audit.entriesOfNote(noteId).map(AuditEntryView::of).collectList()
                        .map(list -> Tuples.of(note, list)));
        return audit.audited(context, AuditAction.READ, "note.audit-read", noteId, entries,
                noteAndEntries -> noteAndEntries.getT1().clientId()).map(Tuple2::getT2);
    }

    /**
     * The caller's note, or 404 for anyone else's: whether it exists is nobody else's business. A client no longer
     * on the author's caseload is 403, unless the unlink was part of the client's erasure: then the note is gone
     * (410), as it is for a client erased while still linked (their key is gone). The erasure is only looked up on
     * that refusal path, so an ordinary read asks the database nothing more.
     */
    private Mono<Note> ownNote(UUID noteId, UUID therapistId, boolean forUpdate) {
        return notes.find(noteId, forUpdate)
                .filter(note -> note.authorId().equals(therapistId))
                .switchIfEmpty(Mono.error(NoteProblems.NotFound::new))
                .flatMap(note -> caseload.unlinked(therapistId, note.clientId())
                        .flatMap(unlinked -> unlinked ? notOnCaseload(note) : Mono.just(note)));
    }

    private Mono<Note> notOnCaseload(Note note) {
        return erasedClients.among(List.of(note.clientId()))
                .flatMap(erased -> Mono.error(erased.isEmpty() ? new NoteProblems.NotOnCaseload()
                        : new NoteProblems.ClientErased()));
    }

    private Mono<CaseloadSession> mayWriteAbout(CaseloadSession session, UUID therapistId) {
        if (!session.therapistId().equals(therapistId)) {
            return Mono.error(new NoteProblems.NotYourSession());
        }
        if (!session.tookPlaceOrMay()) {
            return Mono.error(new NoteProblems.SessionNotHeld());
        }
        if (session.therapistUnlinked()) {
            return Mono.error(new NoteProblems.NotOnCaseload());
        }
        return Mono.just(session);
    }

    private Note draft(UUID noteId, CaseloadSession session, UUID therapistId, NewNote request, SubjectKey key) {
        Instant at = now();
        NoteText text = request.text();
        return seal.sealContent(key, new Note(noteId, session.id(), session.clientId(), therapistId, request.kind(),
                Note.DRAFT, 1, text.format(), null, at, at, null), text);
    }

    private Note nextVersion(Note note, NoteText text, SubjectKey key) {
        return seal.sealContent(key, note.withContent(note.version() + 1, text.format(), null, now()), text);
    }

    private void checkText(String kind, NoteText text) {
        if (text.structured() != null) {
            if (!Note.PROGRESS.equals(kind)) {
                throw new NoteProblems.StructureNotAllowed();
            }
            if (!text.structured().fitsFormat()) {
                throw new NoteProblems.StructureMismatch();
            }
        }
        checkSize(text.utf8Bytes());
    }

    private void checkSize(int utf8Bytes) {
        if (utf8Bytes > properties.maxContentBytes()) {
            throw new NoteProblems.ContentTooLarge(properties.maxContentBytes());
        }
    }

    private Mono<SubjectKey> keyForWriting(UUID clientId) {
        return keyring.keyForWriting(clientId)
                .onErrorMap(SubjectErasedException.class, e -> new NoteProblems.ClientErased());
    }

    private Mono<SubjectKey> keyForReading(UUID clientId) {
        return keyring.keyForReading(clientId)
                .onErrorMap(SubjectErasedException.class, e -> new NoteProblems.ClientErased())
                .onErrorMap(KeyUnavailableException.class, e -> {
                    log.error("a client data key is unavailable: {}", e.getMessage());
                    return new NoteProblems.KeyUnavailable();
                });
    }

    /** An integrity failure means someone changed the database behind our back: operators must hear of it. */
    private <T> Mono<T> alertOnIntegrityFailure(Mono<T> work, AuditContext context, UUID noteId) {
        return work.doOnError(NoteProblems.IntegrityFailure.class, e -> {
            integrityFailures.increment();
            log.warn("note {} failed its integrity check (request {})", noteId, context.requestId());
        });
    }

    /** Counted once committed. The kind is the only label: no ids in metrics. */
    private void count(String metric, Note note) {
        Counter.builder(metric).tag("kind", note.kind()).register(meters).increment();
    }

    /** The database keeps microseconds; times that are part of a ciphertext's context must survive the round trip. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
