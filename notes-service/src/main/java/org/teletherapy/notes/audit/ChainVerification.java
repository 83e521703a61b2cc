package org.teletherapy.notes.audit;

import java.util.UUID;

/**
 * The result of walking the audit chain.
 *
 * @param valid               every entry is in place and unchanged
 * @param entries             entries checked (up to the chain head as it was when the walk began)
 * @param firstBrokenSequence where the chain first breaks; null when valid
 * @param firstBrokenEntryId  the entry found there, null when it is missing
 * @param problem             {@code hash-mismatch} (the entry was changed), {@code previous-hash-mismatch} (the
 *                            entry before it was changed or replaced), {@code missing-entry} (removed),
 *                            {@code head-mismatch} (the last entries were removed or replaced), or
 *                            {@code unsealed-entry} (an entry written around the sealing trigger)
 */
public record ChainVerification(boolean valid, long entries, Long firstBrokenSequence, UUID firstBrokenEntryId,
                                String problem) {

    static ChainVerification intact(long entries) {
        return new ChainVerification(true, entries, null, null, null);
    }

    static ChainVerification broken(long entries, long sequence, UUID entryId, String problem) {
        return new ChainVerification(false, entries, sequence, entryId, problem);
    }
}
