package org.teletherapy.exercises.assignment;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import org.teletherapy.exercises.roster.Roster;
import org.teletherapy.exercises.template.ExerciseTemplate;
import org.teletherapy.exercises.template.Templates;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code assignment} table, and the completed sessions that release session-linked homework. Each assignment comes
 * with its template, which the template library gives; a therapist sees what they assigned, and only while the client
 * is on their roster, which roster answers.
 */
@Repository
class AssignmentStore {

    /** Every read says whether the assignment is from the client's last session. */
    private static final String SELECT = """
            select a.*,
                   coalesce(a.session_id = (select cs.session_id from completed_session cs
                                             where cs.client_id = a.client_id order by cs.ends_at desc limit 1), false)
                       as from_last_session
              from assignment a
            """;

    /** A client sees what was released to them (its session took place) and whose period has begun. */
    private static final String RELEASED = "a.released_at is not null and a.available_from <= :now";

    private final DatabaseClient database;
    private final Roster roster;
    private final Templates templates;

    AssignmentStore(DatabaseClient database, Roster roster, Templates templates) {
        this.database = database;
        this.roster = roster;
        this.templates = templates;
    }

    record NewAssignment(UUID id, UUID clientId, UUID therapistId, UUID templateId, Instant dueAt,
                         Instant availableFrom, @Nullable Instant releasedAt, @Nullable UUID seriesId,
                         @Nullable UUID sessionId, byte @Nullable [] instructions, Instant createdAt) {
    }

    Mono<Void> insert(NewAssignment assignment) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into assignment (id, client_id, therapist_id, template_id, status, due_at, available_from,
                                                released_at, series_id, session_id, instructions, created_at)
                        values (:id, :client, :therapist, :template, 'assigned', :due, :availableFrom,
                                :releasedAt, :series, :session, :instructions, :createdAt)""")
                .bind("id", assignment.id())
                .bind("client", assignment.clientId())
                .bind("therapist", assignment.therapistId())
                .bind("template", assignment.templateId())
                .bind("due", assignment.dueAt())
                .bind("availableFrom", assignment.availableFrom())
                .bind("createdAt", assignment.createdAt());
        insert = insert.bind("releasedAt", Parameter.fromOrEmpty(assignment.releasedAt(), Instant.class));
        insert = insert.bind("series", Parameter.fromOrEmpty(assignment.seriesId(), UUID.class));
        insert = insert.bind("session", Parameter.fromOrEmpty(assignment.sessionId(), UUID.class));
        insert = insert.bind("instructions", Parameter.fromOrEmpty(assignment.instructions(), byte[].class));
        return insert.then();
    }

    Flux<Assignment> visibleToClient(UUID clientId, Instant now, @Nullable AssignmentStatus status) {
        DatabaseClient.GenericExecuteSpec select = database.sql(SELECT + " where a.client_id = :client and " + RELEASED
                        + (status == null ? "" : " and a.status = :status") + " order by a.due_at, a.id")
                .bind("client", clientId)
                .bind("now", now);
        return withTemplates((status == null ? select : select.bind("status", status.wire())).map(AssignmentStore::row).all());
    }

    Mono<Assignment> visibleToClient(UUID id, UUID clientId, Instant now) {
        return database.sql(SELECT + " where a.id = :id and a.client_id = :client and " + RELEASED)
                .bind("id", id)
                .bind("client", clientId)
                .bind("now", now)
                .map(AssignmentStore::row)
                .one()
                .flux()
                .transform(this::withTemplates)
                .next();
    }

    Flux<Assignment> assignedBy(UUID therapistId, @Nullable UUID clientId, @Nullable AssignmentStatus status) {
        return roster.clientsOf(therapistId).flatMapMany(clients -> {
            DatabaseClient.GenericExecuteSpec select = database.sql(SELECT
                            + " where a.therapist_id = :therapist and a.client_id = any(:clients)"
                            + (clientId == null ? "" : " and a.client_id = :client")
                            + (status == null ? "" : " and a.status = :status") + " order by a.due_at, a.id")
                    .bind("therapist", therapistId)
                    .bind("clients", clients.toArray(UUID[]::new));
            select = clientId == null ? select : select.bind("client", clientId);
            select = status == null ? select : select.bind("status", status.wire());
            return withTemplates(select.map(AssignmentStore::row).all());
        });
    }

    Mono<Assignment> assignedBy(UUID id, UUID therapistId) {
        return database.sql(SELECT + " where a.id = :id and a.therapist_id = :therapist")
                .bind("id", id)
                .bind("therapist", therapistId)
                .map(AssignmentStore::row)
                .one()
                .filterWhen(row -> roster.isOnRoster(therapistId, row.clientId()))
                .flux()
                .transform(this::withTemplates)
                .next();
    }

    /** Keeps work in progress; the first draft starts the assignment (an overdue one stays overdue). */
    Mono<Boolean> saveDraft(UUID id, byte[] draft, Instant now) {
        return database.sql("""
                        update assignment
                           set draft_answers = :draft, started_at = coalesce(started_at, :now),
                               status = case when status = 'assigned' then 'in-progress' else status end
                         where id = :id and status in ('assigned', 'in-progress', 'overdue')""")
                .bind("id", id)
                .bind("draft", draft)
                .bind("now", now)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** Only an open assignment can be handed in, and only once: concurrent hand-ins find it already submitted. */
    Mono<Boolean> markSubmitted(UUID id, Instant at) {
        return database.sql("""
                        update assignment
                           set status = 'submitted', submitted_at = :at, draft_answers = null,
                               started_at = coalesce(started_at, :at)
                         where id = :id and status in ('assigned', 'in-progress', 'overdue')""")
                .bind("id", id)
                .bind("at", at)
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    Mono<Boolean> markReviewed(UUID id, UUID therapistId, byte @Nullable [] comment, Instant at) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        update assignment
                           set status = 'reviewed', reviewed_at = :at, reviewed_by = :therapist, review_comment = :comment
                         where id = :id and status = 'submitted'""")
                .bind("id", id)
                .bind("therapist", therapistId)
                .bind("at", at);
        return update.bind("comment", Parameter.fromOrEmpty(comment, byte[].class)).fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /**
     * Marks up to {@code limit} released, unsubmitted assignments past their due time as overdue, and returns those
     * this call changed. Rows another transaction holds are skipped, and the update repeats the status condition,
     * so two instances running this at once never both move (and announce) the same assignment.
     */
    Flux<OverdueAssignment> markOverdue(Instant now, int limit) {
        return database.sql("""
                        update assignment a
                           set status = 'overdue', overdue_at = :now
                          from (select id from assignment
                                 where status in ('assigned', 'in-progress') and due_at < :now and released_at is not null
                                 order by due_at
                                 limit :limit
                                 for update skip locked) due
                         where a.id = due.id and a.status in ('assigned', 'in-progress')
                        returning a.id, a.client_id, a.therapist_id, a.due_at""")
                .bind("now", now)
                .bind("limit", limit)
                .map(row -> new OverdueAssignment(row.get("id", UUID.class), row.get("client_id", UUID.class),
                        row.get("therapist_id", UUID.class), row.get("due_at", Instant.class)))
                .all();
    }

    /** A session was moved: homework still waiting for it waits for the session at its new time. */
    Mono<Void> followRescheduledSession(UUID originalSessionId, UUID movedSessionId, UUID clientId) {
        return database.sql("""
                        update assignment set session_id = :moved
                         where session_id = :original and client_id = :client and released_at is null""")
                .bind("moved", movedSessionId)
                .bind("original", originalSessionId)
                .bind("client", clientId)
                .then();
    }

    /** The session took place: remember it, and let the client see the homework linked to it. */
    Mono<Long> sessionCompleted(UUID sessionId, UUID clientId, UUID therapistId, Instant endsAt, Instant now) {
        return database.sql("""
                        insert into completed_session (session_id, client_id, therapist_id, ends_at)
                        values (:session, :client, :therapist, :endsAt) on conflict (session_id) do nothing""")
                .bind("session", sessionId)
                .bind("client", clientId)
                .bind("therapist", therapistId)
                .bind("endsAt", endsAt)
                .then()
                .then(database.sql("""
                                update assignment set released_at = :now
                                 where session_id = :session and client_id = :client and therapist_id = :therapist
                                   and released_at is null""")
                        .bind("session", sessionId)
                        .bind("client", clientId)
                        .bind("therapist", therapistId)
                        .bind("now", now)
                        .fetch().rowsUpdated());
    }

    /** The client was erased: open homework is withdrawn and drafts go; sealed content stays, unreadable. */
    Mono<Void> withdrawAllOf(UUID clientId) {
        return database.sql("""
                        update assignment set status = 'withdrawn', draft_answers = null
                         where client_id = :client and status in ('assigned', 'in-progress', 'overdue')""")
                .bind("client", clientId)
                .then()
                .then(database.sql("delete from completed_session where client_id = :client").bind("client", clientId).then());
    }

    /** A row of {@code assignment}, to be completed with its template. */
    private record Row(UUID clientId, UUID templateId, Function<ExerciseTemplate, Assignment> withTemplate) {
    }

    private static Row row(Readable row) {
        UUID id = row.get("id", UUID.class);
        UUID clientId = row.get("client_id", UUID.class);
        UUID therapistId = row.get("therapist_id", UUID.class);
        UUID templateId = row.get("template_id", UUID.class);
        AssignmentStatus status = AssignmentStatus.fromWire(row.get("status", String.class)).orElseThrow();
        Instant dueAt = row.get("due_at", Instant.class);
        Instant availableFrom = row.get("available_from", Instant.class);
        Instant releasedAt = row.get("released_at", Instant.class);
        UUID seriesId = row.get("series_id", UUID.class);
        UUID sessionId = row.get("session_id", UUID.class);
        boolean fromLastSession = Boolean.TRUE.equals(row.get("from_last_session", Boolean.class));
        byte[] instructions = row.get("instructions", byte[].class);
        byte[] draftAnswers = row.get("draft_answers", byte[].class);
        Instant startedAt = row.get("started_at", Instant.class);
        Instant submittedAt = row.get("submitted_at", Instant.class);
        Instant overdueAt = row.get("overdue_at", Instant.class);
        Instant reviewedAt = row.get("reviewed_at", Instant.class);
        UUID reviewedBy = row.get("reviewed_by", UUID.class);
        byte[] reviewComment = row.get("review_comment", byte[].class);
        Instant createdAt = row.get("created_at", Instant.class);
        return new Row(clientId, templateId, template -> new Assignment(id, clientId, therapistId, templateId, status,
                dueAt, availableFrom, releasedAt, seriesId, sessionId, fromLastSession, instructions, draftAnswers,
                startedAt, submittedAt, overdueAt, reviewedAt, reviewedBy, reviewComment, createdAt, template));
    }

    /**
     * The assignments with their templates, asked of the template library in one go and in the rows' order. One
     * whose template is unknown (from before templates existed; the foreign key is {@code not valid}) is left out,
     * as a join would.
     */
    private Flux<Assignment> withTemplates(Flux<Row> rows) {
        return rows.collectList().flatMapMany(list -> templates.find(list.stream().map(Row::templateId).toList())
                .flatMapIterable(found -> list.stream()
                        .filter(row -> found.containsKey(row.templateId()))
                        .map(row -> row.withTemplate().apply(found.get(row.templateId())))
                        .toList()));
    }

    /** How many assignments are in each state, over the whole service. */
    Mono<Map<String, Long>> countByStatus() {
        return database.sql("select status, count(*) as n from assignment group by status")
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }
}
