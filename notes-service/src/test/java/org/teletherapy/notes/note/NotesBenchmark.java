package org.teletherapy.notes.note;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.teletherapy.notes.NotesFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Note writes and reads per second with 2 KB notes, their latency percentiles, and the share of the time spent in
 * encryption (Tink's AEAD calls, from the keyring's timers). Real HTTP with a real token, the full path: JWT check,
 * caseload lookup, client key, encryption, insert, audit chain append, commit. Not part of the test run:
 * <pre>
 * ./mvnw -q install -DskipTests -pl crypto
 * ./mvnw -q verify -pl notes-service -Dtest=NotesBenchmark -Dnotes.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false
 * cat notes-service/target/notes-benchmark.txt
 * </pre>
 * Settings: {@code -Dbench.notes=10000 -Dbench.concurrency=32 -Dbench.clients=200}.
 */
@IntegrationTest
@Tag("bench")
class NotesBenchmark {

    private static final int NOTES = Integer.getInteger("bench.notes", 10_000);
    private static final int WARMUP = Math.min(2_000, NOTES / 5);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 32);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 200);
    private static final int NOTE_BYTES = 2_048;

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient database;

    @Autowired
    MeterRegistry meters;

    @Test
    void writesAndReadsOf2kNotes() throws IOException {
        List<UUID> sessions = completedSessions(WARMUP + NOTES);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        WebClient http = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(NotesFixture.as("therapist1")).build();
        String content = text(NOTE_BYTES);

        List<UUID> warm = write(http, sessions.subList(0, WARMUP), content, new ConcurrentHistogram(3)).collectList().block();
        read(http, warm, new ConcurrentHistogram(3)).blockLast();

        long cpuBefore = os.getProcessCpuTime();
        Map<String, Long> threadsBefore = cpuByThreadGroup();
        Snapshot encryptBefore = Snapshot.of(timer("encrypt"));
        Histogram writeLatency = new ConcurrentHistogram(3);
        long writeStart = System.nanoTime();
        List<UUID> written = write(http, sessions.subList(WARMUP, WARMUP + NOTES), content, writeLatency).collectList().block();
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
        Snapshot encrypt = Snapshot.of(timer("encrypt")).minus(encryptBefore);
        double cpuPerWriteMs = (os.getProcessCpuTime() - cpuBefore) / 1e6 / NOTES;
        Map<String, Long> threadsAfter = cpuByThreadGroup();
        StringBuilder cpuBreakdown = new StringBuilder();
        threadsAfter.forEach((group, nanos) -> cpuBreakdown.append(" %s %.2f".formatted(group,
                (nanos - threadsBefore.getOrDefault(group, 0L)) / 1e6 / NOTES)));

        Snapshot decryptBefore = Snapshot.of(timer("decrypt"));
        Histogram readLatency = new ConcurrentHistogram(3);
        long readStart = System.nanoTime();
        read(http, written, readLatency).blockLast();
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        Snapshot decrypt = Snapshot.of(timer("decrypt")).minus(decryptBefore);

        double writeLatencyTotalMs = writeLatency.getMean() * writeLatency.getTotalCount() / 1e6;
        double readLatencyTotalMs = readLatency.getMean() * readLatency.getTotalCount() / 1e6;
        String report = String.join("\n",
                "notes-service benchmark: %d notes of %d bytes, %d in flight, %d clients, %d cores, load average %.1f"
                        .formatted(NOTES, NOTE_BYTES, CONCURRENCY, CLIENTS, Runtime.getRuntime().availableProcessors(),
                                os.getSystemLoadAverage()),
                line("writes", NOTES / writeSeconds, writeLatency),
                line("reads ", NOTES / readSeconds, readLatency),
                "encryption: %.1f µs per note, %.2f%% of write latency".formatted(encrypt.meanMicros(),
                        100 * encrypt.totalMs() / writeLatencyTotalMs),
                "decryption: %.1f µs per note, %.2f%% of read latency".formatted(decrypt.meanMicros(),
                        100 * decrypt.totalMs() / readLatencyTotalMs),
                "test JVM cpu per write (server and load generator): %.2f ms; by threads (ms):%s; the rest is GC and JIT"
                        .formatted(cpuPerWriteMs, cpuBreakdown),
                "");
        System.out.print(report);
        Files.writeString(Path.of("target", "notes-benchmark.txt"), report);
    }

    /** Java threads' CPU time by pool: the server's HTTP and database event loops, the load generator's, others. */
    private static Map<String, Long> cpuByThreadGroup() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String group = name.startsWith("webflux-http") ? "server-http"
                    : name.startsWith("reactor-tcp") ? "server-db"
                    : name.startsWith("reactor-http") ? "load-generator"
                    : "other";
            groups.merge(group, Math.max(nanos, 0), Long::sum);
        }
        return groups;
    }

    private Flux<UUID> write(WebClient http, List<UUID> sessions, String content, Histogram latency) {
        return Flux.fromIterable(sessions).flatMap(session -> timed(http.post().uri("/api/v1/notes")
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", content))
                .retrieve().bodyToMono(Map.class)
                .map(created -> UUID.fromString(created.get("id").toString())), latency), CONCURRENCY);
    }

    private Flux<String> read(WebClient http, List<UUID> notes, Histogram latency) {
        return Flux.fromIterable(notes).flatMap(note -> timed(http.get().uri("/api/v1/notes/{id}", note)
                .retrieve().bodyToMono(String.class), latency), CONCURRENCY);
    }

    private static <T> Mono<T> timed(Mono<T> call, Histogram latency) {
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return call.doOnSuccess(result -> latency.recordValue(System.nanoTime() - started));
        });
    }

    /** Completed sessions straight into the caseload copy: the benchmark measures notes, not Kafka. */
    private List<UUID> completedSessions(int count) {
        List<UUID> clients = Flux.range(0, CLIENTS).map(i -> UUID.randomUUID()).collectList().block();
        return Flux.range(0, count)
                .map(i -> UUID.randomUUID())
                .buffer(500)
                .concatMap(batch -> Flux.fromIterable(batch).index()
                        .concatMap(indexed -> database.sql("insert into caseload_session (id, client_id, therapist_id, "
                                        + "starts_at, ends_at, status, completed_at) values (:id, :client, :therapist, "
                                        + "now() - interval '2 hours', now() - interval '1 hour', 'completed', now())")
                                .bind("id", indexed.getT2())
                                .bind("client", clients.get((int) (indexed.getT1() % CLIENTS)))
                                .bind("therapist", DemoUsers.THERAPIST1)
                                .then().thenReturn(indexed.getT2()), 1), 1)
                .collectList().block();
    }

    private Timer timer(String operation) {
        return meters.get("teletherapy.crypto.operations").tag("keyring", "client_keyset").tag("operation", operation).timer();
    }

    private static String line(String what, double perSecond, Histogram latency) {
        return "%s: %7.0f/s   latency p50 %.2f ms, p99 %.2f ms, max %.2f ms".formatted(what, perSecond,
                latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6);
    }

    private static String text(int bytes) {
        Random random = new Random(7);
        String words = "the client reports sleep mood work family anxiety plan exercise week session goal progress ";
        StringBuilder text = new StringBuilder(bytes);
        while (text.length() < bytes) {
            int start = random.nextInt(words.length() - 10);
            text.append(words, start, start + 10);
        }
        return text.substring(0, bytes);
    }

    private record Snapshot(long count, double totalNanos) {

        static Snapshot of(Timer timer) {
            return new Snapshot(timer.count(), timer.totalTime(TimeUnit.NANOSECONDS));
        }

        Snapshot minus(Snapshot before) {
            return new Snapshot(count - before.count, totalNanos - before.totalNanos);
        }

        double totalMs() {
            return totalNanos / 1e6;
        }

        double meanMicros() {
            return count == 0 ? 0 : totalNanos / count / 1e3;
        }
    }
}
