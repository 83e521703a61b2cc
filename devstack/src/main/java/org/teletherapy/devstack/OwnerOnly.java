package org.teletherapy.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Logs say who did what and when, so like the secrets they are readable by their owner only: directories
 * {@code rwx------}, files {@code rw-------}. Files a child process creates itself get the same through the
 * {@link #UMASK} it is started with.
 */
final class OwnerOnly {

    /** The umask children run with, so that what they write (Boot's JSON logs, rolled archives) is private too. */
    static final String UMASK = "077";

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Path SHELL = Path.of("/bin/sh");

    private OwnerOnly() {
    }

    /** Creates the directory if needed and makes it, and every file already in it, private. */
    static void directory(Path directory) {
        try {
            Files.createDirectories(directory);
            restrict(directory, DIRECTORY);
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(Files::isRegularFile).forEach(file -> restrict(file, FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    /** Creates the file if needed (its parent directory private too) and makes it private, before anyone writes to it. */
    static void file(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            restrict(parent, DIRECTORY);
            if (!Files.exists(file)) {
                Files.createFile(file);
            }
            restrict(file, FILE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + file, e);
        }
    }

    /** {@code command} run through the shell with the private umask; unchanged where there is no POSIX shell. */
    static List<String> withPrivateUmask(List<String> command) {
        if (!Files.isExecutable(SHELL)) {
            return command;
        }
        // exec: the child keeps the shell's pid, so stopping it and reading its exit code work as before.
        return Stream.concat(Stream.of(SHELL.toString(), "-c", "umask " + UMASK + " && exec \"$@\"", "sh"),
                command.stream()).toList();
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) {
        try {
            Files.setPosixFilePermissions(path, permissions);
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the file keeps the directory's default permissions
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict " + path, e);
        }
    }
}
