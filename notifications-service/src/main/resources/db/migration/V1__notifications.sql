-- What each person chose; no row means the defaults. No address or name: those stay in Keycloak.
create table notification_preference (
    user_id               uuid primary key,
    confirmations         boolean,
    reminders             boolean,
    homework              boolean,
    reminder_lead_minutes integer[],
    updated_at            timestamptz not null
);

-- Sessions as sessions-service announces them: enough to plan reminders and to keep one calendar entry per session
-- (uid_session_id: the session as first booked; sequence grows with each change).
create table known_session (
    id             uuid primary key,
    uid_session_id uuid        not null,
    client_id      uuid        not null,
    therapist_id   uuid        not null,
    starts_at      timestamptz not null,
    ends_at        timestamptz not null,
    sequence       integer     not null,
    status         text        not null check (status in ('booked', 'moved', 'cancelled')),
    changed_at     timestamptz not null
);

create index known_session_client_idx on known_session (client_id);

-- Safety alerts, to know whether one was acknowledged before its escalation is due.
create table safety_alert (
    id              uuid primary key,
    client_id       uuid        not null,
    raised_at       timestamptz not null,
    acknowledged_at timestamptz
);

-- Every message to send or sent: the durable schedule of reminders and escalations, the retry queue while SMTP is
-- away, and the delivery log a person sees. It holds ids and times only: the address is looked up when sending, the
-- text is rendered then. Claimed with FOR UPDATE SKIP LOCKED and a lease, so any number of instances send each once.
create table delivery (
    id              uuid primary key,
    kind            text        not null,
    recipient_id    uuid,
    recipient_role  text        not null check (recipient_role in ('client', 'therapist', 'on-call')),
    subject_id      uuid        not null,
    payload         jsonb       not null,
    dedupe_key      text        not null unique,
    status          text        not null check (status in ('pending', 'sending', 'sent', 'failed', 'cancelled', 'skipped')),
    due_at          timestamptz not null,
    next_attempt_at timestamptz not null,
    claimed_until   timestamptz,
    attempts        integer     not null default 0,
    outcome         text,
    sent_at         timestamptz,
    created_at      timestamptz not null,
    check ((recipient_role = 'on-call') = (recipient_id is null))
);

create index delivery_due_idx on delivery (next_attempt_at) where status in ('pending', 'sending');
create index delivery_subject_idx on delivery (subject_id) where status = 'pending';
create index delivery_recipient_idx on delivery (recipient_id, created_at desc);
