package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalKeysetMasterKeyProviderTest {

    @TempDir
    Path directory;

    @Test
    void theFirstStartCreatesAKeysetReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("keys/notes-master.json");

        LocalKeysetMasterKeyProvider provider = LocalKeysetMasterKeyProvider.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(provider.currentVersion()).startsWith("local-");
        assertThat(provider.describe()).contains(file.toString()).doesNotContain("value");
    }

    @Test
    void aLaterStartReadsTheSameKeys() throws Exception {
        Path file = directory.resolve("master.json");
        LocalKeysetMasterKeyProvider first = LocalKeysetMasterKeyProvider.loadOrCreate(file);
        byte[] wrapped = first.aead(first.currentVersion()).encrypt(bytes("data key"), bytes("ad"));

        LocalKeysetMasterKeyProvider second = LocalKeysetMasterKeyProvider.loadOrCreate(file);

        assertThat(second.currentVersion()).isEqualTo(first.currentVersion());
        assertThat(second.aead(first.currentVersion()).decrypt(wrapped, bytes("ad"))).isEqualTo(bytes("data key"));
    }

    @Test
    void rotationMakesANewCurrentVersionAndKeepsTheOldOnesUsable() throws Exception {
        LocalKeysetMasterKeyProvider provider = LocalKeysetMasterKeyProvider.loadOrCreate(directory.resolve("master.json"));
        String old = provider.currentVersion();
        byte[] wrappedUnderOld = provider.aead(old).encrypt(bytes("data key"), bytes("ad"));

        String rotated = provider.rotate();

        assertThat(rotated).isNotEqualTo(old).isEqualTo(provider.currentVersion());
        assertThat(provider.aead(old).decrypt(wrappedUnderOld, bytes("ad"))).isEqualTo(bytes("data key"));
        // Each version's AEAD is that version's key alone.
        assertThatThrownBy(() -> provider.aead(rotated).decrypt(wrappedUnderOld, bytes("ad")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void anotherInstanceOnTheSameFileSeesARotation() throws Exception {
        Path file = directory.resolve("master.json");
        LocalKeysetMasterKeyProvider one = LocalKeysetMasterKeyProvider.loadOrCreate(file);
        LocalKeysetMasterKeyProvider other = LocalKeysetMasterKeyProvider.loadOrCreate(file);

        String rotated = one.rotate();

        assertThat(other.currentVersion()).isEqualTo(rotated);
        Aead aead = other.aead(rotated);
        assertThat(one.aead(rotated).decrypt(aead.encrypt(bytes("x"), bytes("")), bytes(""))).isEqualTo(bytes("x"));
    }

    @Test
    void anUnknownVersionIsRefused() {
        LocalKeysetMasterKeyProvider provider = LocalKeysetMasterKeyProvider.loadOrCreate(directory.resolve("master.json"));

        assertThatThrownBy(() -> provider.aead("local-42")).isInstanceOf(GeneralSecurityException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
