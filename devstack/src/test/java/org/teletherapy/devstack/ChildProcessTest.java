package org.teletherapy.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChildProcessTest {

    @TempDir
    Path directory;

    @Test
    void aChildsLogAndTheFilesItWritesItselfAreReadableByTheOwnerOnly() throws Exception {
        Path logs = directory.resolve("logs");
        // Like a Spring Boot application writing its own JSON log file next to the console log we redirect.
        ChildProcess child = ChildProcess.start("writer", List.of("sh", "-c",
                        "echo to the console; echo '{}' > " + logs.resolve("writer.jsonl") + "; mkdir " + logs.resolve("archive")),
                Map.of(), directory, logs.resolve("writer.log"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());

        assertThat(Files.readString(logs.resolve("writer.log"))).contains("to the console");
        assertThat(permissions(logs)).isEqualTo("rwx------");
        assertThat(permissions(logs.resolve("writer.log"))).isEqualTo("rw-------");
        assertThat(permissions(logs.resolve("writer.jsonl"))).isEqualTo("rw-------");
        assertThat(permissions(logs.resolve("archive"))).isEqualTo("rwx------");
    }

    @Test
    void logsLeftReadableByAnEarlierRunAreMadePrivate() throws Exception {
        Path logs = Files.createDirectories(directory.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path older = Files.writeString(logs.resolve("kafka.log"), "from last week");
        Path reused = Files.writeString(logs.resolve("gateway.log"), "from last week");
        Files.setPosixFilePermissions(older, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(reused, PosixFilePermissions.fromString("rw-r--r--"));

        OwnerOnly.directory(logs);
        ChildProcess child = ChildProcess.start("gateway", List.of("sh", "-c", "echo today"), Map.of(), directory, reused);
        await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());

        assertThat(permissions(logs)).isEqualTo("rwx------");
        assertThat(permissions(older)).isEqualTo("rw-------");
        assertThat(permissions(reused)).isEqualTo("rw-------");
        assertThat(Files.readString(reused)).isEqualTo("from last weektoday\n");
    }

    @Test
    void theChildKeepsItsPidAndExitCodeThroughThePrivateUmask() {
        ChildProcess child = ChildProcess.start("exiting", List.of("sh", "-c", "echo $$; exit 7"), Map.of(), directory,
                directory.resolve("logs").resolve("exiting.log"));

        assertThat(child.onExit()).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(7);
        assertThat(child.tail(1)).isEqualTo(String.valueOf(child.pid()));
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
