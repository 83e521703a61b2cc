-- Homework library, assignments with their life cycle, submissions, scores, safety alerts and the local copies of
-- other services' facts (roster, completed sessions, erased clients).
--
-- Privacy: what a client or a therapist writes about a client (assignment instructions, answers, drafts, review
-- comments) is stored only as ciphertext under that client's key (bytea columns below). Scores and severity bands stay
-- in plain form: they drive charts, alerts and the safety timer.

create table exercise_template (
    id           uuid primary key,
    builtin_key  text unique,                -- stable name of a built-in template ('phq-9')
    owner_id     uuid,                       -- the therapist who wrote it; null for built-in templates
    kind         text        not null check (kind in ('exercise', 'questionnaire')),
    instrument   text        check (instrument in ('PHQ-9', 'GAD-7')),
    title        text        not null,
    instructions text        not null,
    questions    jsonb       not null,
    attribution  text,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    check ((kind = 'questionnaire') = (instrument is not null)),
    check ((owner_id is null) = (builtin_key is not null)),
    -- Only the shipped questionnaires are scored; a therapist's own template is never taken for one.
    check (instrument is null or owner_id is null)
);

create index exercise_template_owner_idx on exercise_template (owner_id, created_at);

-- V1 knew four states; overdue (past due, not submitted) and withdrawn (the client was erased) join them.
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check
    check (status in ('assigned', 'in-progress', 'submitted', 'reviewed', 'overdue', 'withdrawn'));

alter table assignment
    add column series_id      uuid,         -- the instances of one recurring assignment share it
    add column session_id     uuid,         -- the session the homework belongs to, if any
    add column instructions   bytea,        -- ciphertext
    add column draft_answers  bytea,        -- ciphertext of work in progress
    add column available_from timestamptz not null default now(),
    add column released_at    timestamptz,  -- when the client could first see it (session-linked: once the session took place)
    add column started_at     timestamptz,
    add column submitted_at   timestamptz,
    add column overdue_at     timestamptz,
    add column reviewed_at    timestamptz,
    add column reviewed_by    uuid,
    add column review_comment bytea;        -- ciphertext

update assignment set released_at = created_at where released_at is null;

-- Built-in templates are put in place at start, after this migration; a V1 row could hold any template id.
alter table assignment add constraint assignment_template_fk
    foreign key (template_id) references exercise_template (id) not valid;

alter table assignment add constraint assignment_submitted_check
    check ((status in ('submitted', 'reviewed')) = (submitted_at is not null) or status = 'withdrawn');
alter table assignment add constraint assignment_reviewed_check
    check ((status = 'reviewed') = (reviewed_at is not null and reviewed_by is not null));
alter table assignment add constraint assignment_available_check check (available_from <= due_at);

create index assignment_series_idx on assignment (series_id) where series_id is not null;
create index assignment_session_idx on assignment (session_id) where session_id is not null;
-- What the overdue job scans.
create index assignment_due_idx on assignment (due_at) where status in ('assigned', 'in-progress');

-- One hand-in per assignment; its id is the response id of measure events.
create table submission (
    id              uuid primary key,
    assignment_id   uuid        not null unique references assignment (id),
    client_id       uuid        not null,
    answers         bytea       not null,   -- ciphertext only
    idempotency_key text,
    submitted_at    timestamptz not null
);

create index submission_client_idx on submission (client_id);

-- A scored questionnaire: the total and its band, never the answers.
create table measure (
    response_id     uuid primary key references submission (id),
    assignment_id   uuid        not null references assignment (id),
    client_id       uuid        not null,
    therapist_id    uuid        not null,
    instrument      text        not null check (instrument in ('PHQ-9', 'GAD-7')),
    total_score     integer     not null,
    severity        text        not null,
    needs_follow_up boolean     not null,
    measured_at     timestamptz not null,
    check ((instrument = 'PHQ-9' and total_score between 0 and 27) or (instrument = 'GAD-7' and total_score between 0 and 21))
);

create index measure_client_idx on measure (client_id, instrument, measured_at);

-- A response that needs a therapist's follow-up. One per response, so a retried or duplicated submission never raises
-- a second one; a new response always raises its own.
create table safety_alert (
    id              uuid primary key,
    response_id     uuid        not null unique references submission (id),
    assignment_id   uuid        not null references assignment (id),
    client_id       uuid        not null,
    instrument      text        not null check (instrument in ('PHQ-9', 'GAD-7')),
    raised_at       timestamptz not null,   -- the submission's time: the safety clock starts when the client answered
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    check ((acknowledged_at is null) = (acknowledged_by is null))
);

create index safety_alert_client_idx on safety_alert (client_id, raised_at);
create index safety_alert_open_idx on safety_alert (raised_at) where acknowledged_at is null;

-- The roster as sessions-service announces it (roster.linked / roster.unlinked). A link is kept with its latest state
-- and that state's time, so an event replayed out of order cannot undo a newer one.
create table roster_link (
    client_id    uuid        not null,
    therapist_id uuid        not null,
    linked       boolean     not null,
    changed_at   timestamptz not null,
    primary key (client_id, therapist_id)
);

create index roster_link_therapist_idx on roster_link (therapist_id) where linked;

-- Sessions that took place (session.completed): homework linked to them becomes visible.
create table completed_session (
    session_id   uuid primary key,
    client_id    uuid        not null,
    therapist_id uuid        not null,
    ends_at      timestamptz not null
);

create index completed_session_client_idx on completed_session (client_id, ends_at desc);

-- Clients erased by an operator (client.erased): nothing new is stored about them.
create table erased_client (
    client_id uuid primary key,
    erased_at timestamptz not null
);

-- Each client's data key was created here as client_keyset until the crypto module kept its keyring in a schema of
-- its own (crypto/src/main/resources/db/crypto/V1__keyring.sql), which takes over the table of a database that applied
-- this migration as released (teletherapy.crypto.keyring-created-by in application.yml).
