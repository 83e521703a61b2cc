package org.teletherapy.exercises.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.exercises.vault.ClientContent;
import org.teletherapy.exercises.vault.ClientErasedException;
import org.teletherapy.exercises.vault.UnreadableContentException;
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

    private static final Logger log = LoggerFactory.getLogger(SubmittedAnswers.class);

    /**
     * @param answers    by question id; empty when the client's key is gone (erased) or the stored answers failed
     *                   their integrity check
     * @param unreadable the stored answers failed their integrity check: the hand-in is there, its answers are not
     */
    public record Response(UUID id, UUID assignmentId, UUID clientId, Instant submittedAt,
                           Optional<Map<String, JsonNode>> answers, boolean unreadable) {
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

    /**
     * One damaged hand-in must not keep the client from the rest of their record: it is listed as unreadable and
     * logged by id. A key that is only unavailable for now still fails the whole read, to be tried again.
     */
    private Mono<Response> open(Sealed sealed) {
        return content.openAnswers(sealed.clientId(), SubmissionService.ANSWERS, sealed.id(), sealed.answers())
                .map(answers -> response(sealed, Optional.of(answers), false))
                .onErrorResume(ClientErasedException.class, e -> Mono.just(response(sealed, Optional.empty(), false)))
                .onErrorResume(e -> e instanceof UnreadableContentException unreadable && unreadable.integrityFailed(), e -> {
                    log.warn("answers of submission {} failed their integrity check and are left out of the record",
                            sealed.id());
                    return Mono.just(response(sealed, Optional.empty(), true));
                })
                .defaultIfEmpty(response(sealed, Optional.empty(), false));
    }

    private static Response response(Sealed sealed, Optional<Map<String, JsonNode>> answers, boolean unreadable) {
        return new Response(sealed.id(), sealed.assignmentId(), sealed.clientId(), sealed.submittedAt(), answers,
                unreadable);
    }
}
