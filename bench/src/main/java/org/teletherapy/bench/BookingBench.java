package org.teletherapy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Progress;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole platform on free ports (the devstack's own code), then: 20 clients racing to book 200 slots through the
 * sessions-service API with real tokens, and slot queries over a 4-week range.
 */
final class BookingBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String THERAPIST1 = "2f1d5a0e-6b0a-4c1e-9a51-000000000101";

    private BookingBench() {
    }

    static void run(int racers, int slotCount) throws Exception {
        Secrets secrets = Secrets.random();
        try (Platform platform = Platform.start(new Platform.Options(Workspace.detect(), Platform.PortPlan.free(), null,
                Files.createTempDirectory("bench-platform-logs"), secrets, new Progress(),
                List.of("-XX:+UseSerialGC", "-Xmx256m"), false, java.util.EnumSet.of(Platform.App.SESSIONS)))) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String keycloak = platform.keycloak().internalUrl();
            String sessions = platform.url(Platform.App.SESSIONS);
            String therapist = token(http, keycloak, "therapist1");
            List<String> clients = List.of(token(http, keycloak, "client1"), token(http, keycloak, "client2"));
            awaitDemoRoster(http, sessions, clients.get(0));

            send(http, HttpRequest.newBuilder(URI.create(sessions + "/api/v1/availability"))
                    .header("Authorization", "Bearer " + therapist).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"timeZone":"UTC","sessionMinutes":50,"bufferMinutes":10,"weekly":[
                             {"day":"MONDAY","start":"00:00","end":"23:59"},{"day":"TUESDAY","start":"00:00","end":"23:59"},
                             {"day":"WEDNESDAY","start":"00:00","end":"23:59"},{"day":"THURSDAY","start":"00:00","end":"23:59"},
                             {"day":"FRIDAY","start":"00:00","end":"23:59"},{"day":"SATURDAY","start":"00:00","end":"23:59"},
                             {"day":"SUNDAY","start":"00:00","end":"23:59"}]}""")));

            Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            List<String> slots = new ArrayList<>();
            for (int i = 0; i < slotCount; i++) {
                slots.add(from.plus(i, ChronoUnit.HOURS).toString());
            }
            // Warm-up outside the measurement: JIT, connection pools, token caches.
            race(http, sessions, clients, slots.subList(0, 20), racers, new Latencies("warm-up"));
            List<String> measured = slots.subList(20, slots.size());
            Latencies latencies = new Latencies("booking request (201 or 409)");
            long started = System.nanoTime();
            int booked = race(http, sessions, clients, measured, racers, latencies);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("Booking benchmark: %d racers over %d slots, %d cores%n", racers, measured.size(),
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("%-34s %d of %d slots booked once each, %.0f bookings/s, %.0f requests/s%n", "bookings",
                    booked, measured.size(), booked / seconds, latencies.count() / seconds);
            System.out.println(latencies.summary());

            Latencies slotQueries = new Latencies("slot query, 4 weeks (HTTP)");
            Instant weekFrom = Instant.now();
            for (int i = 0; i < 500; i++) {
                long start = System.nanoTime();
                send(http, HttpRequest.newBuilder(URI.create(sessions + "/api/v1/therapists/" + THERAPIST1 + "/slots?from="
                                + weekFrom + "&to=" + weekFrom.plus(28, ChronoUnit.DAYS)))
                        .header("Authorization", "Bearer " + clients.get(0)).GET());
                if (i >= 100) {
                    slotQueries.record(System.nanoTime() - start);
                }
            }
            System.out.println(slotQueries.summary());
            System.out.println(serverSideSlotTimer(http, platform.managementUrl(Platform.App.SESSIONS)));
        }
    }

    /** Each racer walks the slots in its own random order; every slot is tried by every racer until taken. */
    private static int race(HttpClient http, String sessions, List<String> tokens, List<String> slots, int racers,
                            Latencies latencies) throws Exception {
        AtomicInteger booked = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<?>> done = new ArrayList<>();
        for (int r = 0; r < racers; r++) {
            String token = tokens.get(r % tokens.size());
            List<String> order = new ArrayList<>(slots);
            Collections.shuffle(order);
            done.add(pool.submit(() -> {
                for (String slot : order) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(sessions + "/api/v1/sessions"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"therapistId\":\"" + THERAPIST1 + "\",\"start\":\"" + slot + "\"}")));
                    latencies.record(System.nanoTime() - start);
                    if (response.statusCode() == 201) {
                        booked.incrementAndGet();
                    } else if (response.statusCode() != 409) {
                        throw new IllegalStateException("unexpected " + response.statusCode() + ": " + response.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        return booked.get();
    }

    private static String serverSideSlotTimer(HttpClient http, String sessionsManagement) throws Exception {
        String metrics = send(http, HttpRequest.newBuilder(URI.create(sessionsManagement + "/actuator/prometheus")).GET()).body();
        return metrics.lines().filter(line -> line.startsWith("teletherapy_slots_query_seconds_max")
                        || line.startsWith("teletherapy_slots_query_seconds_count") || line.startsWith("teletherapy_slots_query_seconds_sum"))
                .reduce("server-side slot computation (Micrometer):", (a, b) -> a + "\n  " + b);
    }

    private static void awaitDemoRoster(HttpClient http, String sessions, String clientToken) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            JsonNode team = JSON.readTree(send(http, HttpRequest.newBuilder(URI.create(sessions + "/api/v1/care-team"))
                    .header("Authorization", "Bearer " + clientToken).GET()).body());
            if (team.size() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the demo roster did not appear");
    }

    private static String token(HttpClient http, String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=teletherapy-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = send(http, HttpRequest.newBuilder(URI.create(keycloak
                        + "/realms/teletherapy/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
