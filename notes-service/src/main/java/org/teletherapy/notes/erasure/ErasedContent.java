package org.teletherapy.notes.erasure;

import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * What an erasure made unreadable, for its record: implemented by the note feature, which owns the notes, so that
 * erasure asks without depending on it (note depends on erasure).
 */
public interface ErasedContent {

    /** The client's notes, which crypto-shredding leaves in place but unreadable. */
    Mono<Long> notesOf(UUID clientId);

    /** When the client's most recently signed note was signed; empty if none is signed. For the retention rule. */
    Mono<Instant> lastSignedAt(UUID clientId);
}
