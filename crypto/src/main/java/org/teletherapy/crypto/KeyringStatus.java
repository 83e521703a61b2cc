package org.teletherapy.crypto;

/**
 * Where a keyring stands with its master key: figures only, no subject ids.
 *
 * @param masterKeyVersion the version new data keys are wrapped under
 * @param activeKeysets    subjects with a usable data key
 * @param pendingRewrap    active data keys still wrapped under an older master key version
 * @param destroyedKeysets subjects whose data key was destroyed (crypto-shredded)
 */
public record KeyringStatus(String masterKeyVersion, long activeKeysets, long pendingRewrap, long destroyedKeysets) {

    /** Share of active data keys already under the current master key version, 1.0 when there are none. */
    public double rewrapProgress() {
        return activeKeysets == 0 ? 1.0 : (double) (activeKeysets - pendingRewrap) / activeKeysets;
    }
}
