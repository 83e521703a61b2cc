package org.teletherapy.notes.keys;

import org.junit.jupiter.api.Test;
import org.teletherapy.crypto.AssociatedData;
import org.teletherapy.crypto.SubjectErasedException;
import org.teletherapy.crypto.SubjectKeyring;
import org.teletherapy.notes.NotesApplication;
import org.teletherapy.testsupport.KeyringUpgrade;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An installation whose V2 created public.client_keyset (before the crypto module kept the keyring in its own schema)
 * starts on this version with every client's key: what was encrypted under them still decrypts, an erased client
 * stays erased.
 */
class KeyringUpgradeTest {

    @Test
    void anInstallationWhoseV2CreatedTheKeyringKeepsEveryKey() {
        UUID client = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        byte[] context = AssociatedData.of("upgrade", client);
        AtomicReference<byte[]> ciphertext = new AtomicReference<>();

        KeyringUpgrade.of(NotesApplication.class, "notes", "client_keyset")
                .using(before -> {
                    SubjectKeyring keyring = before.getBean(SubjectKeyring.class);
                    ciphertext.set(keyring.keyForWriting(client).block()
                            .encrypt("sleeps badly since May".getBytes(StandardCharsets.UTF_8), context));
                    keyring.destroy(erased).block();
                })
                .checking(upgraded -> {
                    SubjectKeyring keyring = upgraded.getBean(SubjectKeyring.class);
                    assertThat(new String(keyring.keyForReading(client).block().decrypt(ciphertext.get(), context),
                            StandardCharsets.UTF_8)).isEqualTo("sleeps badly since May");
                    assertThatThrownBy(() -> keyring.keyForWriting(erased).block()).isInstanceOf(SubjectErasedException.class);
                })
                .verify();
    }
}
