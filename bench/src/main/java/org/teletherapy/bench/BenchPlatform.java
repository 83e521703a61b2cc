package org.teletherapy.bench;

import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Progress;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;

import java.io.IOException;
import java.nio.file.Files;

/** The whole platform for a benchmark: free ports, throw-away data, the services with the benchmark's JVM options. */
final class BenchPlatform {

    private BenchPlatform() {
    }

    static Platform start(Secrets secrets) throws IOException {
        return Platform.start(new Platform.Options(Workspace.detect(), Platform.PortPlan.free(), null,
                Files.createTempDirectory("bench-platform-logs"), secrets, new Progress(),
                PageTimeBench.jvmOptions(), false));
    }

    static String tokenEndpoint(Platform platform) {
        return platform.keycloak().url() + "/realms/teletherapy/protocol/openid-connect/token";
    }
}
