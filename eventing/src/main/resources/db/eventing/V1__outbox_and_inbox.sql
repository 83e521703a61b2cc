-- The transactional outbox: a service inserts its events here in the same transaction as its state change;
-- the relay publishes them to Kafka in order per key and marks them sent.
create table outbox_event (
    position    bigserial   primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_key   text        not null,
    event_type  text        not null,
    subject     text,
    payload     bytea       not null,
    trace_parent text,
    occurred_at timestamptz not null default now(),
    sent_at     timestamptz,
    attempts    integer     not null default 0
);

create index outbox_event_unsent on outbox_event (position) where sent_at is null;
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;

-- Wakes the relays when an insert commits (one notification per transaction; the slow poll is the safety net).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_inserted after insert on outbox_event
    for each statement execute function outbox_event_notify();

-- The idempotent consumer's memory: an event id is recorded in the same transaction as its effect.
create table processed_event (
    event_id     uuid        primary key,
    event_type   text        not null,
    processed_at timestamptz not null default now()
);

create index processed_event_age on processed_event (processed_at);
