package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Master keys in a local Tink keyset file (AES-256-GCM keys, JSON), for the devstack and tests. The file is created
 * with a first key on first start, readable by its owner only, and must never be committed or shared: whoever has it
 * (and a copy of the database) can read everything. Production uses a KMS or Vault (see {@link MasterKeyProvider}).
 *
 * <p>Each key of the keyset is a master key version; the primary key is the current one. {@link #rotate()} adds a
 * new primary key and keeps the old ones, so data keys wrapped under them still unwrap until they are rewrapped.
 * The file is re-read when it changes, so several service instances on one machine agree on the current version.
 */
public final class LocalKeysetMasterKeyProvider implements MasterKeyProvider {

    private static final Logger log = LoggerFactory.getLogger(LocalKeysetMasterKeyProvider.class);
    private static final String VERSION_PREFIX = "local-";
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private volatile Keys keys;

    /** One loaded keyset: the AEAD of each version, and the file time it was read at. */
    private record Keys(KeysetHandle keyset, String currentVersion, Map<String, Aead> byVersion, FileStamp readAt) {
    }

    private LocalKeysetMasterKeyProvider(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** Reads the keyset file, or creates it with one fresh key (and its directories) if it does not exist. */
    public static LocalKeysetMasterKeyProvider loadOrCreate(Path file) {
        TinkRegistration.ensureRegistered();
        LocalKeysetMasterKeyProvider provider = new LocalKeysetMasterKeyProvider(file);
        provider.initialize();
        return provider;
    }

    private synchronized void initialize() {
        try {
            if (Files.exists(file)) {
                warnIfReadableByOthers();
            } else {
                KeysetHandle first = KeysetHandle.newBuilder()
                        .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                                .withRandomId().makePrimary())
                        .build();
                write(first);
                log.info("created a new local master keyset at {} (development only: use a KMS in production)", file);
            }
            keys = read();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the master keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset " + file + " is not a valid Tink AEAD keyset", e);
        }
    }

    @Override
    public String currentVersion() {
        return current().currentVersion();
    }

    @Override
    public Aead aead(String version) throws GeneralSecurityException {
        Aead aead = current().byVersion().get(version);
        if (aead == null) {
            throw new GeneralSecurityException("master key version " + version + " is not in " + file);
        }
        return aead;
    }

    @Override
    public synchronized String rotate() {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(current().keyset());
            builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId().makePrimary());
            write(builder.build());
            keys = read();
            log.info("rotated the local master keyset at {}: current version {}", file, keys.currentVersion());
            return keys.currentVersion();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the master keyset " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not rotate the master keyset " + file, e);
        }
    }

    @Override
    public String describe() {
        return "local keyset file " + file;
    }

    public Path file() {
        return file;
    }

    /**
     * Which version of the file we read. Writes replace the file (a new inode), so the file key tells a rewrite apart
     * even when both writes fall into the same modification-time tick; the time covers systems without file keys.
     */
    private record FileStamp(Object fileKey, FileTime modified) {

        static FileStamp of(Path file) throws IOException {
            BasicFileAttributes attributes =
                    Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.fileKey(), attributes.lastModifiedTime());
        }
    }

    /** The loaded keys, re-read first if another process (another instance, a rotation) changed the file. */
    private Keys current() {
        Keys loaded = keys;
        try {
            if (!FileStamp.of(file).equals(loaded.readAt())) {
                synchronized (this) {
                    if (!FileStamp.of(file).equals(keys.readAt())) {
                        keys = read();
                    }
                    return keys;
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            // Keep serving the keys we have: a half-written file from another process must not stop us.
            log.warn("could not re-read the master keyset {} ({}); keeping the loaded one", file, e.getClass().getSimpleName());
        }
        return loaded;
    }

    private Keys read() throws IOException, GeneralSecurityException {
        FileStamp modified = FileStamp.of(file);
        KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(
                Files.readString(file, StandardCharsets.UTF_8), InsecureSecretKeyAccess.get());
        Map<String, Aead> byVersion = new HashMap<>();
        String current = null;
        for (int i = 0; i < keyset.size(); i++) {
            KeysetHandle.Entry entry = keyset.getAt(i);
            if (entry.getStatus() != KeyStatus.ENABLED) {
                continue;
            }
            String version = VERSION_PREFIX + Integer.toUnsignedString(entry.getId());
            // A keyset of this one key: wrapping "under version v" then really uses v, not whatever is primary.
            Aead aead = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).makePrimary())
                    .build()
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            byVersion.put(version, aead);
            if (entry.isPrimary()) {
                current = version;
            }
        }
        if (current == null) {
            throw new GeneralSecurityException("the master keyset has no enabled primary key");
        }
        return new Keys(keyset, current, Map.copyOf(byVersion), modified);
    }

    /** Writes beside the target and moves it into place, so a reader never sees half a keyset. */
    private void write(KeysetHandle keyset) throws IOException, GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
        Path directory = file.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            } else {
                Files.createDirectories(directory);
            }
        }
        Path temporary = posix
                ? Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE))
                : Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private void warnIfReadableByOthers() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY_FILE.containsAll(permissions)) {
                log.warn("the master keyset {} is readable by others ({}); it should be owner-only (chmod 600)",
                        file, PosixFilePermissions.toString(permissions));
            }
        }
    }
}
