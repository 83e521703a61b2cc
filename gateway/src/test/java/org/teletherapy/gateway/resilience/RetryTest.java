package org.teletherapy.gateway.resilience;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route's {@code Retry} filter against a real service that drops connections: a safe method whose connection
 * broke before any answer is tried once more; anything else is not, since the service may have acted on it.
 */
@IntegrationTest
class RetryTest {

    static final DroppingService SESSIONS = new DroppingService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> "http://127.0.0.1:" + SESSIONS.port());
    }

    @AfterAll
    static void stopService() throws IOException {
        SESSIONS.close();
    }

    @Autowired
    WebTestClient web;

    final String token = Infrastructure.shared().keycloak().accessToken("client1");

    @BeforeEach
    void freshService() {
        SESSIONS.seen.clear();
    }

    @Test
    void aGetWhoseConnectionDropsIsTriedOnceMoreAndAnswered() {
        SESSIONS.drops.set(1);

        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("[]");

        assertThat(SESSIONS.seen).containsExactly("GET /api/v1/sessions", "GET /api/v1/sessions");
    }

    @Test
    void aGetIsTriedOnceMoreOnlyThenTheCallerLearnsTheServiceIsUnavailable() {
        SESSIONS.drops.set(2);

        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:service-unavailable");

        assertThat(SESSIONS.seen).containsExactly("GET /api/v1/sessions", "GET /api/v1/sessions");
    }

    @Test
    void aPostWhoseConnectionDropsIsNotRepeated() {
        SESSIONS.drops.set(1);

        web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"slot\": \"2030-01-07T09:00:00Z\"}").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:service-unavailable");

        // The service may have booked it: the caller decides, with the same Idempotency-Key.
        assertThat(SESSIONS.seen).containsExactly("POST /api/v1/sessions");
    }

    /**
     * A service on a plain socket that reads each request whole and then, while {@link #drops} lasts, closes the
     * connection without answering (a crash or a reset between request and response); otherwise it answers
     * {@code 200 []}. One connection per request.
     */
    static final class DroppingService implements AutoCloseable {

        final AtomicInteger drops = new AtomicInteger();
        final List<String> seen = new CopyOnWriteArrayList<>();
        private final ServerSocket server;

        DroppingService() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::serve, "dropping-service");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket connection = server.accept()) {
                    answer(connection);
                } catch (IOException e) {
                    // Closed, or the gateway went away mid-request: the next connection is served alike.
                }
            }
        }

        private void answer(Socket connection) throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            int contentLength = 0;
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
                }
            }
            // Read the body too, so that closing sends a clean FIN rather than a reset over unread bytes.
            for (int i = 0; i < contentLength; i++) {
                in.read();
            }
            String[] parts = requestLine.split(" ");
            seen.add(parts[0] + " " + parts[1]);
            if (drops.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                return;
            }
            connection.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\nConnection: close\r\n\r\n[]").getBytes(StandardCharsets.ISO_8859_1));
            connection.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
