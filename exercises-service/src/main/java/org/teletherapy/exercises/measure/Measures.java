package org.teletherapy.exercises.measure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureScored;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.exercises.scoring.QuestionnaireScoring;
import org.teletherapy.exercises.scoring.Score;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** Scores of questionnaires over time: what the charts of a client's PHQ-9 and GAD-7 are drawn from. */
@Service
public class Measures {

    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final MeterRegistry meters;

    Measures(DatabaseClient database, OutboxWriter outbox, MeterRegistry meters) {
        this.database = database;
        this.outbox = outbox;
        this.meters = meters;
    }

    /** Records a score and announces it (measure.scored), inside the caller's transaction. */
    public Mono<Void> record(UUID responseId, UUID assignmentId, UUID clientId, UUID therapistId, Score score, Instant at) {
        return database.sql("""
                        insert into measure (response_id, assignment_id, client_id, therapist_id, instrument, total_score,
                                             severity, needs_follow_up, measured_at)
                        values (:response, :assignment, :client, :therapist, :instrument, :total, :severity, :followUp, :at)""")
                .bind("response", responseId)
                .bind("assignment", assignmentId)
                .bind("client", clientId)
                .bind("therapist", therapistId)
                .bind("instrument", Instruments.name(score.instrument()))
                .bind("total", score.total())
                .bind("severity", score.severity())
                .bind("followUp", score.needsSafetyFollowUp())
                .bind("at", at)
                .then()
                .then(outbox.append(new MeasureScored(responseId, clientId, therapistId, assignmentId, score.instrument(),
                        score.total(), score.severity(), at), responseId.toString()))
                .then();
    }

    /** Counts a committed score; bands are fine as tags, people never are. */
    public void countScored(Score score) {
        Counter.builder("teletherapy.exercises.measures.scored")
                .description("Questionnaire responses scored")
                .tag("instrument", Instruments.name(score.instrument()))
                .register(meters)
                .increment();
    }

    public Mono<MeasureRecord> forResponse(UUID responseId) {
        return database.sql("select * from measure where response_id = :response")
                .bind("response", responseId)
                .map(Measures::measure)
                .one();
    }

    /** A client's scores, oldest first, for one instrument or all. */
    public Flux<MeasureRecord> history(UUID clientId, @Nullable Instrument instrument) {
        DatabaseClient.GenericExecuteSpec select = database.sql("select * from measure where client_id = :client"
                        + (instrument == null ? "" : " and instrument = :instrument") + " order by measured_at, response_id")
                .bind("client", clientId);
        if (instrument != null) {
            select = select.bind("instrument", Instruments.name(instrument));
        }
        return select.map(Measures::measure).all();
    }

    /** The client was erased: their scores go with them. */
    public Mono<Void> forget(UUID clientId) {
        return database.sql("delete from measure where client_id = :client").bind("client", clientId).then();
    }

    private static MeasureRecord measure(Readable row) {
        String instrument = row.get("instrument", String.class);
        return new MeasureRecord(row.get("response_id", UUID.class), row.get("assignment_id", UUID.class),
                row.get("client_id", UUID.class), instrument, row.get("total_score", Integer.class),
                row.get("severity", String.class), Boolean.TRUE.equals(row.get("needs_follow_up", Boolean.class)),
                row.get("measured_at", Instant.class),
                QuestionnaireScoring.maxTotal(Instruments.byName(instrument).orElseThrow()));
    }
}
