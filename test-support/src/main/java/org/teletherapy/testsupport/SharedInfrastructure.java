package org.teletherapy.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Chooses and holds the one {@link Infrastructure} of this JVM. */
final class SharedInfrastructure {

    private static Infrastructure instance;

    private SharedInfrastructure() {
    }

    static synchronized Infrastructure get() {
        if (instance == null) {
            instance = useContainers() ? new ContainerInfrastructure() : new EmbeddedInfrastructure();
        }
        return instance;
    }

    private static boolean useContainers() {
        String choice = System.getProperty("test.infra", "auto").toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "embedded" -> false;
            case "containers" -> true;
            case "auto" -> dockerEngineLikely() && ContainerInfrastructure.dockerAvailable();
            default -> throw new IllegalArgumentException("-Dtest.infra must be embedded, containers or auto, not " + choice);
        };
    }

    /** Asking Testcontainers on a machine without any engine costs seconds and error logs; look for a socket first. */
    private static boolean dockerEngineLikely() {
        String host = System.getenv("DOCKER_HOST");
        return (host != null && !host.isBlank()) || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
    }
}
