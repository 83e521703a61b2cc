package org.teletherapy.web.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.teletherapy.web.WebProperties;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Calls the platform's API for the signed-in user. An answer that is not a success becomes an {@link ApiProblem}
 * carrying the API's own problem detail, so pages can show the API's message next to what it concerns; an API that
 * cannot be reached or does not answer in time is an {@link ApiUnavailable}, so a page can still show everything else.
 */
@Component
public class Api {

    private final WebClient client;
    private final Duration deadline;

    Api(WebClient apiClient, WebProperties properties) {
        this.client = apiClient;
        this.deadline = properties.apiTimeout();
    }

    public <T> Mono<T> get(String path, Class<T> type, Object... variables) {
        return client.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> body(response, type))
                .transform(this::guarded);
    }

    public <T> Mono<List<T>> list(String path, Class<T> element, Object... variables) {
        return client.get().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.bodyToFlux(element).collectList()
                        : problem(response))
                .transform(this::guarded);
    }

    public <T> Mono<T> post(String path, Object body, Class<T> type, Object... variables) {
        return client.post().uri(path, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> body(response, type))
                .transform(this::guarded);
    }

    /** A document that is not JSON, such as a calendar: its text as the API sends it. */
    public Mono<String> text(String path, MediaType accept, Object... variables) {
        return client.get().uri(path, variables).accept(accept)
                .exchangeToMono(response -> body(response, String.class))
                .transform(this::guarded);
    }

    public Mono<Void> delete(String path, Object... variables) {
        return client.delete().uri(path, variables).accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful()
                        ? response.releaseBody()
                        : problem(response))
                .transform(this::guarded);
    }

    public <T> Mono<T> put(String path, Object body, Class<T> type, Object... variables) {
        return client.put().uri(path, variables).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> body(response, type))
                .transform(this::guarded);
    }

    /** A write the API may see twice (a double click, a reload): the same {@code Idempotency-Key} makes it one. */
    public <T> Mono<T> postIdempotent(String path, String idempotencyKey, Object body, Class<T> type,
                                      Object... variables) {
        return client.post().uri(path, variables).header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> body(response, type))
                .transform(this::guarded);
    }

    /**
     * An API that cannot be reached, or does not answer in time, is unavailable: without a deadline a page would wait
     * as long as the browser does for an answer that may never come.
     */
    private <T> Mono<T> guarded(Mono<T> call) {
        return call.timeout(deadline)
                .onErrorMap(failure -> failure instanceof WebClientRequestException || failure instanceof TimeoutException,
                        ApiUnavailable::new);
    }

    private static <T> Mono<T> body(ClientResponse response, Class<T> type) {
        return response.statusCode().is2xxSuccessful() ? response.bodyToMono(type) : problem(response);
    }

    private static <T> Mono<T> problem(ClientResponse response) {
        HttpStatusCode status = response.statusCode();
        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .onErrorResume(unreadable -> Mono.empty())
                .defaultIfEmpty(Map.of())
                .flatMap(body -> Mono.error(new ApiProblem(status, ApiProblem.detailOf(status, body))));
    }
}
