package org.teletherapy.web;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the platform's API in page tests: answers each path with what a test put there, as the gateway
 * would (status and JSON body), and remembers the token each call carried.
 */
public final class StandInApi implements AutoCloseable {

    public record Answer(int status, String contentType, String body) {
        public static Answer json(String body) {
            return new Answer(200, "application/json", body);
        }

        public static Answer problem(int status, String kind) {
            return new Answer(status, "application/problem+json",
                    "{\"type\":\"urn:teletherapy:problem:" + kind + "\",\"title\":\"" + kind + "\",\"status\":" + status + "}");
        }

        /** A call that is accepted and never answered, as by a service that hangs. */
        public static Answer never() {
            return new Answer(0, "", "");
        }
    }

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, String> queries = new ConcurrentHashMap<>();
    private final Map<String, String> idempotencyKeys = new ConcurrentHashMap<>();
    private final DisposableServer server;

    public StandInApi() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
                    String key = request.method().name() + " " + path;
                    tokens.put(path, String.valueOf(request.requestHeaders().get("Authorization")));
                    int query = request.uri().indexOf('?');
                    queries.put(key, query < 0 ? "" : request.uri().substring(query + 1));
                    idempotencyKeys.put(key, String.valueOf(request.requestHeaders().get("Idempotency-Key")));
                    String uri = request.uri().startsWith("/") ? request.uri() : "/" + request.uri();
                    return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
                        bodies.put(key, body);
                        Answer answer = answers.getOrDefault(request.method().name() + " " + uri, answers.getOrDefault(uri,
                                answers.getOrDefault(key, answers.getOrDefault(path, Answer.problem(404, "not-found")))));
                        if (answer.status() == 0) {
                            return Mono.never();
                        }
                        return response.status(answer.status()).header("Content-Type", answer.contentType())
                                .sendString(Mono.just(answer.body())).then();
                    });
                })
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /**
     * The answer to every call of {@code path}, or with {@code "POST /path"} to calls of one method only; a path with
     * its query ({@code /api/v1/measures?instrument=PHQ-9}) answers that query only.
     */
    public void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    /** What the last call of {@code method} to {@code path} sent, e.g. {@code bodySentTo("POST", "/api/v1/sessions")}. */
    public String bodySentTo(String method, String path) {
        return bodies.get(method + " " + path);
    }

    /** The query string of the last call of {@code method} to {@code path}, "" for none. */
    public String querySentTo(String method, String path) {
        return queries.get(method + " " + path);
    }

    /** The Idempotency-Key header of the last call of {@code method} to {@code path} ("null" without one). */
    public String idempotencyKeySentTo(String method, String path) {
        return idempotencyKeys.get(method + " " + path);
    }

    public String tokenSentTo(String path) {
        return tokens.get(path);
    }

    public void reset() {
        answers.clear();
        tokens.clear();
        bodies.clear();
        queries.clear();
        idempotencyKeys.clear();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
