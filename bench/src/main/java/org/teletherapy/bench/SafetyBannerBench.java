package org.teletherapy.bench;

import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Secrets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client hands in a PHQ-9 with question 9 above 0; how long until the therapist's open page has the banner: the
 * server-sent event arriving on the page's stream, and the banner fetched with the alert in it — the page's own two
 * steps, through the gateway, with the therapist signed in through Keycloak's form.
 */
final class SafetyBannerBench {

    private SafetyBannerBench() {
    }

    static void run(int alerts) throws Exception {
        try (Platform platform = BenchPlatform.start(Secrets.random())) {
            String gateway = platform.gatewayUrl();
            HttpClient api = HttpClient.newHttpClient();
            String tokens = BenchPlatform.tokenEndpoint(platform);
            String therapist = PageTimeBench.token(api, tokens, "therapist1");
            String client = PageTimeBench.token(api, tokens, "client2");
            String clientId = PageTimeBench.CLIENTS.get("client2");
            PageTimeBench.Browser page = PageTimeBench.signIn(gateway, "therapist1", Map.of());

            BlockingQueue<Long> signals = new LinkedBlockingQueue<>();
            HttpResponse<java.util.stream.Stream<String>> stream = page.http().send(HttpRequest.newBuilder(
                            URI.create(gateway + "/live/safety-alerts")).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> stream.body().filter("event:safety-alerts"::equals)
                    .forEach(line -> signals.add(System.nanoTime())), "sse-reader");
            reader.setDaemon(true);
            reader.start();

            Latencies signalled = new Latencies("handed in -> event on the page's stream");
            Latencies shown = new Latencies("handed in -> banner fetched with the alert");
            System.out.printf("Safety banner benchmark: %d alerts, %d cores%n", alerts,
                    Runtime.getRuntime().availableProcessors());
            for (int i = 0; i < alerts + 5; i++) {
                String assignment = PageTimeBench.assignPhq9(api, gateway, therapist, clientId);
                signals.clear();
                long handedIn = System.nanoTime();
                PageTimeBench.send(api, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/assignments/" + assignment
                                + "/submissions")).header("Authorization", "Bearer " + client)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(phq9WithItem9())), 201);
                Long signal = signals.poll(30, TimeUnit.SECONDS);
                if (signal == null) {
                    throw new IllegalStateException("no event on the stream within 30 s");
                }
                String banner = page.http().send(HttpRequest.newBuilder(URI.create(gateway + "/safety-alerts/banner"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                long done = System.nanoTime();
                String alert = PageTimeBench.send(api, HttpRequest.newBuilder(URI.create(gateway
                        + "/api/v1/safety-alerts?status=open&clientId=" + clientId))
                        .header("Authorization", "Bearer " + therapist), 200).path(0).path("id").asText();
                if (!banner.contains("safety-alert-" + alert)) {
                    throw new IllegalStateException("the banner did not show the new alert");
                }
                // The first five warm the path up; the acknowledgement keeps the banner at one alert.
                if (i >= 5) {
                    signalled.record(signal - handedIn);
                    shown.record(done - handedIn);
                }
                PageTimeBench.send(api, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/safety-alerts/" + alert
                                + "/acknowledge")).header("Authorization", "Bearer " + therapist)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")), 200);
            }
            System.out.println(signalled.summary());
            System.out.println(shown.summary());
        }
    }

    private static String phq9WithItem9() {
        StringBuilder answers = new StringBuilder("{\"answers\":{");
        for (int item = 1; item <= 9; item++) {
            answers.append(item == 1 ? "" : ",").append("\"item").append(item).append("\":").append(item == 9 ? 1 : 0);
        }
        return answers.append("}}").toString();
    }
}
