package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;

import java.security.GeneralSecurityException;

/**
 * Where the master keys that wrap the subjects' data keys live. The data keys are stored in the service's own
 * database, encrypted ("wrapped") under a master key; the master key itself never enters the database.
 *
 * <p>Master keys have versions. New data keys are wrapped under {@link #currentVersion()}; every wrapped data key
 * records the version it was wrapped under, so after a rotation the old versions still unwrap and
 * {@link MasterKeyRewrapper} moves the data keys to the new version in the background.
 *
 * <p>Implementations:
 * <ul>
 *   <li>{@link LocalKeysetMasterKeyProvider}: a Tink keyset in a local file, for the devstack and tests.</li>
 *   <li>A cloud KMS (Tink's {@code tink-gcpkms} / {@code tink-awskms} give an {@code Aead} for a key URI such as
 *       {@code gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k}): {@code currentVersion()} returns the
 *       key's primary version name (cached, refreshed now and then from the KMS API); {@code aead(version)} returns
 *       the KMS {@code Aead} (the KMS encrypts with its primary version and finds the right version when it
 *       decrypts); {@link #isRemote()} is {@code true}; {@link #rotate()} stays unsupported because rotation is
 *       configured in the KMS (a rotation schedule, or a new primary version), and the next rewrap run picks up
 *       the new version by itself.</li>
 *   <li>HashiCorp Vault transit: {@code aead(version)} calls {@code transit/encrypt/<key>} and
 *       {@code transit/decrypt/<key>} (ciphertexts look like {@code vault:v3:...}); {@code currentVersion()} is
 *       {@code latest_version} from {@code transit/keys/<key>}; {@code rotate()} may call
 *       {@code transit/keys/<key>/rotate}. Once rewrapping is done, raise {@code min_decryption_version} to
 *       retire the old versions.</li>
 * </ul>
 * Calls of a remote provider block on the network; {@link SubjectKeyring} runs them on Reactor's bounded elastic
 * scheduler when {@link #isRemote()} says so.
 */
public interface MasterKeyProvider {

    /** The version new data keys are wrapped under, e.g. {@code local-1812452431}. Never key material. */
    String currentVersion();

    /**
     * An AEAD that wraps and unwraps under exactly this version.
     *
     * @throws GeneralSecurityException when the version is unknown, disabled or destroyed
     */
    Aead aead(String version) throws GeneralSecurityException;

    /** Whether the AEAD's calls leave the process (a KMS, Vault): they then run off the event loop. */
    default boolean isRemote() {
        return false;
    }

    /**
     * Makes a new master key version current and returns it. Providers whose rotation is managed by the key
     * management system itself do not support this.
     *
     * @throws UnsupportedOperationException when rotation happens in the key management system
     */
    default String rotate() {
        throw new UnsupportedOperationException("master keys of this provider are rotated in the key management system");
    }

    /** For logs and operators: the kind of provider and where its keys are, never key material. */
    String describe();
}
