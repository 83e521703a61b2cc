package org.teletherapy.exercises.template;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.teletherapy.exercises.scoring.Instruments;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** Templates in the {@code exercise_template} table; questions are kept as JSON. */
@Repository
class TemplateStore {

    private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final JsonMapper json;

    TemplateStore(DatabaseClient database, JsonMapper json) {
        this.database = database;
        this.json = json;
    }

    Mono<ExerciseTemplate> find(UUID id) {
        return database.sql("select * from exercise_template where id = :id")
                .bind("id", id)
                .map(this::template)
                .one();
    }

    Flux<ExerciseTemplate> find(Collection<UUID> ids) {
        return database.sql("select * from exercise_template where id = any(:ids)")
                .bind("ids", ids.stream().distinct().toArray(UUID[]::new))
                .map(this::template)
                .all();
    }

    /** Built-in templates first, then the therapist's own, newest first. */
    Flux<ExerciseTemplate> usableBy(UUID therapistId) {
        return database.sql("""
                        select * from exercise_template
                         where owner_id is null or owner_id = :therapist
                         order by owner_id nulls first, case when owner_id is null then title end, created_at desc""")
                .bind("therapist", therapistId)
                .map(this::template)
                .all();
    }

    Mono<Void> insert(ExerciseTemplate template) {
        return database.sql("""
                        insert into exercise_template (id, owner_id, kind, title, instructions, questions)
                        values (:id, :owner, :kind, :title, :instructions, :questions)""")
                .bind("id", template.id())
                .bind("owner", template.ownerId())
                .bind("kind", template.kind().wire())
                .bind("title", template.title())
                .bind("instructions", template.instructions())
                .bind("questions", Json.of(json.writeValueAsString(template.questions())))
                .then();
    }

    /** Puts a shipped template in place, or brings it up to date with the version in this release. */
    Mono<Void> upsertBuiltIn(ExerciseTemplate template) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into exercise_template (id, builtin_key, kind, instrument, title, instructions, questions, attribution)
                        values (:id, :key, :kind, :instrument, :title, :instructions, :questions, :attribution)
                        on conflict (id) do update
                           set builtin_key = excluded.builtin_key, kind = excluded.kind, instrument = excluded.instrument,
                               title = excluded.title, instructions = excluded.instructions,
                               questions = excluded.questions, attribution = excluded.attribution, updated_at = now()
                         where (exercise_template.title, exercise_template.instructions, exercise_template.questions,
                                exercise_template.attribution)
                               is distinct from (excluded.title, excluded.instructions, excluded.questions, excluded.attribution)""")
                .bind("id", template.id())
                .bind("key", template.key())
                .bind("kind", template.kind().wire())
                .bind("title", template.title())
                .bind("instructions", template.instructions())
                .bind("questions", Json.of(json.writeValueAsString(template.questions())));
        insert = insert.bind("instrument", Parameter.fromOrEmpty(
                template.instrument() == null ? null : Instruments.name(template.instrument()), String.class));
        insert = insert.bind("attribution", Parameter.fromOrEmpty(template.attribution(), String.class));
        return insert.then();
    }

    private ExerciseTemplate template(Readable row) {
        String instrument = row.get("instrument", String.class);
        return new ExerciseTemplate(row.get("id", UUID.class), row.get("builtin_key", String.class),
                row.get("owner_id", UUID.class), TemplateKind.fromWire(row.get("kind", String.class)),
                instrument == null ? null : Instruments.byName(instrument).orElseThrow(), row.get("title", String.class),
                row.get("instructions", String.class),
                json.readValue(row.get("questions", Json.class).asString(), QUESTIONS),
                row.get("attribution", String.class));
    }
}
