package org.teletherapy.gateway.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.teletherapy.testsupport.IntegrationTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway refuses before any route: the request firewall's URLs, a too long URI, too large headers and
 * TRACE. Each is a problem detail with a stable type, sent over a raw socket so nothing normalises the request.
 */
@IntegrationTest
class EdgeRefusalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LONG = "a".repeat(10_000);
    private static final String HUGE_HEADER = "X-Padding: " + "b".repeat(20_000) + "\r\n";

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} {1} → {3} {4}")
    @CsvSource(delimiter = '|', value = {
            "GET   | //api/v1/sessions                       | -      | 400 | request-rejected",
            "GET   | /api/v1/sessions;jsessionid=abc         | -      | 400 | request-rejected",
            "GET   | /api/v1/%2e%2e/actuator/health          | -      | 400 | request-rejected",
            "GET   | /api/v1/sessions%2fsecret               | -      | 400 | request-rejected",
            "GET   | /api/v1/sessions/%00                    | -      | 400 | request-rejected",
            "GET   | /api/v1/sessions/../../actuator/health  | -      | 400 | request-rejected",
            "TRACE | /api/v1/sessions                        | -      | 405 | method-not-allowed",
            "GET   | /api/v1/sessions/LONG                   | -      | 414 | uri-too-long",
            "GET   | /api/v1/sessions                        | HUGE   | 431 | headers-too-large",
    })
    void isAProblemDetail(String method, String target, String extraHeader, int status, String kind) throws IOException {
        Answer answer = send(method, target.replace("LONG", LONG), "HUGE".equals(extraHeader) ? HUGE_HEADER : "");

        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(answer.header("content-type")).as(answer.raw()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("type").asText()).isEqualTo("urn:teletherapy:problem:" + kind);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(answer.body()).doesNotContain(LONG.substring(0, 100)).doesNotContain("jsessionid").doesNotContain("secret");
    }

    private Answer send(String method, String target, String extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n" + extraHeaders
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read.write(buffer, 0, n);
                }
            } catch (SocketException reset) {
                // The server closes a refused connection at once; what it sent before is the answer.
            }
            return new Answer(read.toString(StandardCharsets.UTF_8));
        }
    }

    private record Answer(String raw) {

        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String header(String name) {
            for (String line : raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name + ":")) {
                    return line.substring(name.length() + 1).strip();
                }
            }
            return "";
        }

        String body() {
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            // A chunked body: the JSON is between the first chunk size and the terminating zero chunk.
            int start = body.indexOf('{');
            int end = body.lastIndexOf('}');
            return start < 0 || end < start ? body : body.substring(start, end + 1);
        }
    }
}
