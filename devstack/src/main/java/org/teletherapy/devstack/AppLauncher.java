package org.teletherapy.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line that starts one Spring Boot application. With class data sharing on, the jar is extracted once
 * (Spring Boot's {@code jarmode=tools extract}) and the JVM's class archive is written on the first run and reused
 * afterwards, which cuts the start time of every later {@code ./teletherapy up}.
 */
final class AppLauncher {

    private AppLauncher() {
    }

    static List<String> command(Path jar, Path workDirectory, List<String> jvmOptions, boolean classDataSharing) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (classDataSharing) {
            Path extracted = extract(jar, workDirectory);
            Path archive = workDirectory.resolve("classes.jsa");
            command.add(Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                    : "-XX:ArchiveClassesAtExit=" + archive);
            command.add("-Xlog:cds=off");
            command.add("-Xlog:cds+dynamic=off");
            command.add("-jar");
            command.add(extracted.toString());
        } else {
            command.add("-jar");
            command.add(jar.toString());
        }
        return command;
    }

    /** Extracts the jar unless this very jar (by modification time) was extracted before; a new jar drops the archive. */
    private static Path extract(Path jar, Path workDirectory) {
        Path extracted = workDirectory.resolve(jar.getFileName());
        Path stamp = workDirectory.resolve("extracted-from");
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            if (Files.isRegularFile(extracted) && Files.isRegularFile(stamp)
                    && Files.readString(stamp).equals(built.toString())) {
                return extracted;
            }
            KeycloakDistribution.deleteRecursively(workDirectory);
            Files.createDirectories(workDirectory);
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", workDirectory.toString(), "--force")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDirectory.resolve("extract.log").toFile()))
                    .start();
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0 || !Files.isRegularFile(extracted)) {
                throw new ComponentFailedException(jar.getFileName().toString(), "could not be extracted",
                        ChildProcess.tail(workDirectory.resolve("extract.log"), 20));
            }
            Files.writeString(stamp, built.toString());
            return extracted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
