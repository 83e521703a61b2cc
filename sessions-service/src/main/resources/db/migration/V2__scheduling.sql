-- Scheduling: therapists' weekly availability, time off, the roster, and what a session needs to be booked safely.

-- btree_gist lets the exclusion constraint below combine "same therapist" (=) with "overlapping time" (&&).
-- It is a trusted extension, so the database owner may create it.
create extension if not exists btree_gist;

create table availability (
    therapist_id    uuid primary key,
    time_zone       text        not null,
    session_minutes integer     not null check (session_minutes between 15 and 240),
    buffer_minutes  integer     not null check (buffer_minutes between 0 and 120),
    weekly          jsonb       not null,
    updated_at      timestamptz not null default now()
);

create table time_off (
    id           uuid primary key,
    therapist_id uuid not null,
    first_day    date not null,
    last_day     date not null,
    constraint time_off_ordered check (last_day >= first_day)
);
create index time_off_therapist_idx on time_off (therapist_id, first_day);

-- Who treats whom. Display names are kept here because the care team shows them; nothing else personal is.
create table roster (
    therapist_id   uuid        not null,
    client_id      uuid        not null,
    therapist_name text        not null,
    client_name    text        not null,
    linked_at      timestamptz not null default now(),
    primary key (therapist_id, client_id)
);
create index roster_client_idx on roster (client_id);

alter table session
    add column blocked_until     timestamptz,
    add column series_id         uuid,
    add column rescheduled_from  uuid references session (id),
    add column reschedule_count  integer not null default 0,
    add column video_room        text,
    add column cancelled_at      timestamptz,
    add column cancelled_by      text check (cancelled_by in ('client', 'therapist', 'system')),
    add column cancel_reason     text,
    add column late_cancellation boolean,
    add column updated_at        timestamptz not null default now();

update session set blocked_until = ends_at, video_room = md5(id::text) where blocked_until is null;
alter table session
    alter column blocked_until set not null,
    alter column video_room set not null,
    add constraint session_blocked_after_end check (blocked_until >= ends_at),
    add constraint session_video_room_unique unique (video_room);

-- No double booking, held by PostgreSQL whatever the application does: a therapist's active sessions, each
-- extended by its buffer (blocked_until = end + buffer), never overlap.
alter table session add constraint session_no_overlap exclude using gist (
    therapist_id with =,
    tstzrange(starts_at, blocked_until, '[)') with &&
) where (status in ('booked', 'arrived', 'pending'));

create index session_series_idx on session (series_id) where series_id is not null;

-- A retried booking with the same Idempotency-Key returns the session it created the first time.
create table idempotency_key (
    client_id  uuid        not null,
    key        text        not null,
    session_id uuid        not null references session (id),
    created_at timestamptz not null default now(),
    primary key (client_id, key)
);

-- Private calendar feeds: only a hash of the token is kept, so a database leak does not open anyone's calendar.
create table calendar_feed (
    person_id  uuid primary key,
    role       text        not null check (role in ('client', 'therapist')),
    token_hash text        not null unique,
    created_at timestamptz not null default now()
);
