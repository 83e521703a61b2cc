package org.teletherapy.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ZipkinServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int SPANS_PER_TRACE = 24;

    @TempDir
    Path directory;

    private final AtomicReference<ZipkinServer> zipkin = new AtomicReference<>();
    private final int port = Ports.free();

    @AfterEach
    void stop() {
        if (zipkin.get() != null) {
            zipkin.get().close();
        }
    }

    @Test
    void keepsTakingSpansPastItsCapWithoutRunningOutOfMemory() throws Exception {
        ZipkinServer server = launch();
        int traces = ZipkinServer.MAX_SPANS * 11 / 10 / SPANS_PER_TRACE;

        for (int sent = 0; sent < traces; sent += 10) {
            HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create(server.spansEndpoint()))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(traces(10))).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as("answer to the spans of trace %d", sent).isEqualTo(202);
        }

        assertThat(server.process().isAlive()).isTrue();
        assertThat(ChildProcess.answersOk(server.healthUri())).isTrue();
    }

    @Test
    void aZipkinThatIsKilledIsStartedAgainAndTheConsoleSaysSo() {
        ZipkinServer first = launch();
        List<String> console = new CopyOnWriteArrayList<>();
        try (Supervisor supervisor = new Supervisor(new Supervisor.Policy(3, Duration.ofMinutes(5), Duration.ZERO),
                console::add, Clock.systemUTC(), () -> { })) {
            supervisor.watch(first.process(), new Supervisor.Restart(() -> launch().process(),
                    restarted -> restarted.awaitHealthy(first.healthUri(), Duration.ofMinutes(2), seconds -> { })));

            ProcessHandle.of(first.process().pid()).ifPresent(ProcessHandle::destroyForcibly);

            await().atMost(Duration.ofMinutes(2)).until(() -> console.stream().anyMatch(line -> line.contains("zipkin is back")));
            assertThat(console.get(0)).contains("zipkin (pid " + first.process().pid()
                    + ") exited with code 137 (killed by signal 9); restarting it");
            assertThat(zipkin.get().process().pid()).isNotEqualTo(first.process().pid());
            assertThat(ChildProcess.answersOk(first.healthUri())).isTrue();
        }
    }

    private ZipkinServer launch() {
        ZipkinServer server = ZipkinServer.launch(port, directory.resolve("zipkin"),
                directory.resolve("logs").resolve("zipkin.log"));
        zipkin.set(server);
        server.awaitReady(Duration.ofMinutes(2));
        return server;
    }

    /** Spans of about the size the services send (URL, SQL and outcome tags), as Zipkin v2 JSON. */
    private static String traces(int count) {
        StringJoiner spans = new StringJoiner(",", "[", "]");
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int trace = 0; trace < count; trace++) {
            String traceId = "%016x%016x".formatted(random.nextLong(), random.nextLong());
            long start = System.currentTimeMillis() * 1000;
            for (int span = 0; span < SPANS_PER_TRACE; span++) {
                spans.add("""
                        {"traceId":"%s","id":"%016x","name":"query","kind":"CLIENT","timestamp":%d,"duration":800,\
                        "localEndpoint":{"serviceName":"sessions-service","ipv4":"127.0.0.1"},\
                        "tags":{"r2dbc.query[0]":"SELECT sessions.id, sessions.therapist_id, sessions.client_id, \
                        sessions.starts_at, sessions.ends_at, sessions.status FROM sessions WHERE sessions.therapist_id = $1 \
                        AND sessions.ends_at > $2","http.url":"http://127.0.0.1:8081/api/v1/sessions/%s",\
                        "method":"POST","outcome":"SUCCESS","status":"201","uri":"/api/v1/sessions/{id}"}}"""
                        .formatted(traceId, random.nextLong(), start + span, traceId.substring(0, 32)));
            }
        }
        return spans.toString();
    }
}
