package org.teletherapy.exercises.vault;

import org.junit.jupiter.api.Test;
import org.teletherapy.exercises.ExercisesApplication;
import org.teletherapy.testsupport.KeyringUpgrade;

/**
 * An installation whose V2 created public.client_keyset (before the crypto module kept the keyring in its own schema)
 * starts on this version, with every key and tombstone.
 */
class KeyringUpgradeTest {

    @Test
    void anInstallationWhoseV2CreatedTheKeyringKeepsEveryKey() {
        KeyringUpgrade.of(ExercisesApplication.class, "exercises", "client_keyset").verify();
    }
}
