-- A client's erasure across the platform (DESIGN.md §12): one row per client, so a second request answers the first.
-- sessions-service runs it as a saga: a step runner claims due rows (FOR UPDATE SKIP LOCKED, with a lease), does one
-- step and moves on, or backs off and tries again; a restart resumes at the recorded step.
create table erasure (
    id              uuid        primary key,
    client_id       uuid        not null unique,
    -- Codes, not free text: a typed reason could say anything about the client.
    reason          text        not null check (reason in ('client-request', 'consent-withdrawn', 'legal-obligation')),
    reference       text        check (reference ~ '^[A-Za-z0-9._:/#-]{1,64}$'),
    requested_by    uuid        not null,
    requested_at    timestamptz not null default now(),
    step            text        not null default 'disable-account'
        check (step in ('disable-account', 'erase-sessions', 'remove-account', 'done')),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    -- Why the last attempt of the current step failed, as a problem kind (e.g. identity-unavailable); null after success.
    last_problem    text,
    completed_at    timestamptz,
    check ((step = 'done') = (completed_at is not null))
);

create index erasure_due on erasure (next_attempt_at) where step <> 'done';

-- The other services' parts, as their erasure.part-done confirmations arrive.
create table erasure_part (
    erasure_id  uuid        not null references erasure (id),
    part        text        not null check (part in ('notes', 'exercises', 'notifications')),
    status      text        not null default 'pending' check (status in ('pending', 'done', 'refused')),
    reason_code text,
    answered_at timestamptz,
    primary key (erasure_id, part),
    check ((status = 'refused') = (reason_code is not null)),
    check ((status = 'pending') = (answered_at is null))
);
