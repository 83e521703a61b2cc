package org.teletherapy.exercises.submission;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.exercises.vault.ClientContent;
import org.teletherapy.exercises.vault.ClientErasedException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What a client handed in, opened, for their own record (the FHIR QuestionnaireResponse); reads only. */
@Component
public class SubmittedAnswers {

    /** @param answers by question id; empty when the client's key is gone (erased) */
    public record Response(UUID id, UUID assignmentId, UUID clientId, Instant submittedAt,
                           Optional<Map<String, JsonNode>> answers) {
    }

    private final DatabaseClient database;
    private final ClientContent content;

    SubmittedAnswers(DatabaseClient database, ClientContent content) {
        this.database = database;
        this.content = content;
    }

    /** The client's hand-ins, oldest first. */
    public Flux<Response> ofClient(UUID clientId) {
        return database.sql("select id, assignment_id, client_id, answers, submitted_at from submission "
                        + "where client_id = :client order by submitted_at, id")
                .bind("client", clientId)
                .map(row -> new Sealed(row.get("id", UUID.class), row.get("assignment_id", UUID.class),
                        row.get("client_id", UUID.class), row.get("answers", byte[].class),
                        row.get("submitted_at", Instant.class)))
                .all()
                .concatMap(this::open);
    }

    private record Sealed(UUID id, UUID assignmentId, UUID clientId, byte[] answers, Instant submittedAt) {
    }

    private Mono<Response> open(Sealed sealed) {
        return content.openAnswers(sealed.clientId(), SubmissionService.ANSWERS, sealed.id(), sealed.answers())
                .map(Optional::of)
                .onErrorResume(ClientErasedException.class, e -> Mono.just(Optional.empty()))
                .defaultIfEmpty(Optional.empty())
                .map(answers -> new Response(sealed.id(), sealed.assignmentId(), sealed.clientId(), sealed.submittedAt(),
                        answers));
    }
}
