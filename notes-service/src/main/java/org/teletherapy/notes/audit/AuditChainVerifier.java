package org.teletherapy.notes.audit;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.UUID;

/**
 * Walks the audit chain from the first entry and names the first broken link. Entries appended while it walks are
 * left for the next walk: it checks up to the chain head it read first.
 */
@Component
class AuditChainVerifier {

    private static final int PAGE = 1000;

    private final DatabaseClient database;
    private final AuditTrail trail;

    AuditChainVerifier(DatabaseClient database, AuditTrail trail) {
        this.database = database;
        this.trail = trail;
    }

    Mono<ChainVerification> verify() {
        return database.sql("select last_sequence, last_hash from audit_chain_head")
                .map(row -> new Head(row.get("last_sequence", Long.class), row.get("last_hash", byte[].class)))
                .one()
                .flatMap(head -> walk(new Walk(0, AuditEntry.GENESIS, 0), head))
                .flatMap(this::unsealed);
    }

    private record Head(long sequence, byte[] hash) {
    }

    /** How far the walk got: the last good entry's sequence and hash, and how many were checked. */
    private record Walk(long sequence, byte[] hash, long checked) {
    }

    private Mono<ChainVerification> walk(Walk walk, Head head) {
        int limit = (int) Math.min(PAGE, head.sequence() - walk.sequence());
        if (limit <= 0) {
            return Mono.just(atHead(walk, head));
        }
        return trail.entriesAfter(walk.sequence(), limit).collectList()
                .flatMap(page -> {
                    Walk current = walk;
                    for (AuditEntry entry : page) {
                        ChainVerification broken = check(current, entry);
                        if (broken != null) {
                            return Mono.just(broken);
                        }
                        current = new Walk(entry.sequence(), entry.hash(), current.checked() + 1);
                    }
                    if (page.size() < limit) {
                        // Fewer entries than the head promises: the last ones were removed.
                        return Mono.just(ChainVerification.broken(current.checked(), current.sequence() + 1, null,
                                "missing-entry"));
                    }
                    return walk(current, head);
                });
    }

    private static ChainVerification check(Walk walk, AuditEntry entry) {
        if (entry.sequence() != walk.sequence() + 1) {
            return ChainVerification.broken(walk.checked(), walk.sequence() + 1, null, "missing-entry");
        }
        if (!Arrays.equals(entry.previousHash(), walk.hash())) {
            return ChainVerification.broken(walk.checked(), entry.sequence(), entry.id(), "previous-hash-mismatch");
        }
        if (!Arrays.equals(entry.computeHash(), entry.hash())) {
            return ChainVerification.broken(walk.checked(), entry.sequence(), entry.id(), "hash-mismatch");
        }
        return null;
    }

    private static ChainVerification atHead(Walk walk, Head head) {
        if (walk.sequence() != head.sequence() || !Arrays.equals(walk.hash(), head.hash())) {
            return ChainVerification.broken(walk.checked(), head.sequence(), null, "head-mismatch");
        }
        return ChainVerification.intact(walk.checked());
    }

    /** Every committed entry is sealed; one that is not was written with the sealing switched off. */
    private Mono<ChainVerification> unsealed(ChainVerification chain) {
        if (!chain.valid()) {
            return Mono.just(chain);
        }
        return database.sql("select id from audit_entry where sequence is null limit 1")
                .map(row -> row.get("id", UUID.class))
                .one()
                .map(id -> new ChainVerification(false, chain.entries(), null, id, "unsealed-entry"))
                .defaultIfEmpty(chain);
    }
}
