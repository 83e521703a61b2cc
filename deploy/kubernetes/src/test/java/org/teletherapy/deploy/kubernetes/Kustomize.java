package org.teletherapy.deploy.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real kustomize on this machine: the one {@code KUSTOMIZE} names, a {@code kustomize} on the PATH, or the one
 * built into {@code kubectl}. The manifests are never rendered by anything of our own, so what the test checks is
 * what {@code kubectl apply -k} would send.
 */
final class Kustomize {

    /** The oldest kustomize the manifests are written for (replacements with delimiters, components, labels). */
    static final Version OLDEST_SUPPORTED = new Version(4, 5);

    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)");
    private static final Pattern KUBECTL_KUSTOMIZE_VERSION = Pattern.compile("Kustomize Version: v(\\d+)\\.(\\d+)");

    record Version(int major, int minor) implements Comparable<Version> {
        @Override
        public int compareTo(Version other) {
            return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
        }

        @Override
        public String toString() {
            return "v" + major + "." + minor;
        }
    }

    private final List<String> buildCommand;
    private final String description;

    private Kustomize(List<String> buildCommand, String description) {
        this.buildCommand = buildCommand;
        this.description = description;
    }

    /**
     * The kustomize to render with.
     *
     * @throws AssertionError saying how to install one when there is none new enough: the test fails, it is never
     *                        skipped, so a machine without kustomize cannot pass it by accident
     */
    static Kustomize onThisMachine() {
        List<String> tried = new ArrayList<>();
        String configured = System.getenv("KUSTOMIZE");
        if (configured != null && !configured.isBlank()) {
            Optional<Kustomize> found = standalone(Path.of(configured), tried);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<Path> onPath = onPath("kustomize");
        if (onPath.isPresent()) {
            Optional<Kustomize> found = standalone(onPath.get(), tried);
            if (found.isPresent()) {
                return found.get();
            }
        }
        Optional<Path> kubectl = onPath("kubectl");
        if (kubectl.isPresent()) {
            Optional<Kustomize> found = builtIntoKubectl(kubectl.get(), tried);
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new AssertionError("""
                No kustomize %s or newer on this machine (%s).
                The Kubernetes manifests' test renders deploy/kubernetes/overlays/* with a real kustomize. Install one:
                  - kubectl 1.24 or newer (it includes kustomize 4.5.4 or later), or
                  - a kustomize binary, e.g. Debian's or Ubuntu's package "kustomize" where the release has it,
                  - or run .ci/run, which installs one where neither is present;
                or point the environment variable KUSTOMIZE at a kustomize binary."""
                .formatted(OLDEST_SUPPORTED, tried.isEmpty() ? "none found" : "tried: " + String.join("; ", tried)));
    }

    private static Optional<Kustomize> standalone(Path binary, List<String> tried) {
        if (!Files.isExecutable(binary)) {
            tried.add(binary + " is not an executable file");
            return Optional.empty();
        }
        Run version = run(List.of(binary.toString(), "version"), null);
        Matcher matcher = VERSION.matcher(version.stdout());
        if (version.exitCode() != 0 || !matcher.find()) {
            tried.add(binary + " version: exit " + version.exitCode() + ", no version in its answer");
            return Optional.empty();
        }
        Version found = new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        if (found.compareTo(OLDEST_SUPPORTED) < 0) {
            tried.add(binary + " is kustomize " + found);
            return Optional.empty();
        }
        return Optional.of(new Kustomize(List.of(binary.toString(), "build"), binary + " (kustomize " + found + ")"));
    }

    private static Optional<Kustomize> builtIntoKubectl(Path kubectl, List<String> tried) {
        Run version = run(List.of(kubectl.toString(), "version", "--client"), null);
        Matcher matcher = KUBECTL_KUSTOMIZE_VERSION.matcher(version.stdout());
        if (version.exitCode() != 0 || !matcher.find()) {
            // kubectl before 1.24 names no kustomize version; Debian 12's 1.20 carries kustomize 2.0.3, which cannot
            // read these kustomizations (no "patches", no "resources" of directories).
            tried.add(kubectl + " names no kustomize version (kubectl older than 1.24?)");
            return Optional.empty();
        }
        Version found = new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        if (found.compareTo(OLDEST_SUPPORTED) < 0) {
            tried.add(kubectl + " includes kustomize " + found);
            return Optional.empty();
        }
        return Optional.of(new Kustomize(List.of(kubectl.toString(), "kustomize"),
                kubectl + " kustomize (kustomize " + found + ")"));
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isBlank()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The YAML stream kustomize renders from the kustomization in this directory. */
    String build(Path kustomizationDirectory) {
        List<String> command = new ArrayList<>(buildCommand);
        command.add(kustomizationDirectory.toString());
        Run build = run(command, kustomizationDirectory);
        if (build.exitCode() != 0) {
            throw new AssertionError("kustomize could not render " + kustomizationDirectory + " with " + description
                    + " (exit " + build.exitCode() + "):\n" + build.stderr());
        }
        return build.stdout();
    }

    @Override
    public String toString() {
        return description;
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }

    private static Run run(List<String> command, Path workingDirectory) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 2 minutes");
            }
            return new Run(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            return new Run(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
