-- The notes vault: encrypted note content, addenda, the caseload copied from sessions-service's events, client
-- erasures (crypto-shredding) and the tamper-evident access audit.

-- Each client's data key was created here as client_keyset until the crypto module kept its keyring in a schema of
-- its own (crypto/src/main/resources/db/crypto/V1__keyring.sql), which takes over the table of a database that applied
-- this migration as released (teletherapy.crypto.keyring-created-by in application.yml).

-- A note's text (and structured sections) exist only as ciphertext under the client's data key, bound to the
-- note's id, version, author and kind: a ciphertext copied to another row or replayed into another version fails.
-- No note existed before this migration (there was no way to write one), so the new columns can be required.
alter table note
    add column version            integer not null default 1 check (version >= 1),
    add column format             text    not null default 'free-text' check (format in ('free-text', 'soap', 'dap')),
    add column content_ciphertext bytea   not null,
    add column signed_at          timestamptz,
    add constraint note_signed_has_time check ((status = 'signed') = (signed_at is not null)),
    -- Psychotherapy notes are the therapist's own process notes: free text only, kept apart from the record.
    add constraint note_structure_for_progress_only check (kind = 'progress' or format = 'free-text'),
    add constraint note_one_per_session_and_kind unique (session_id, kind);

-- A signed note is final: changes after signing are addenda. The service refuses first; this holds even for
-- anyone who bypasses it with SQL.
create function note_signed_is_final() returns trigger language plpgsql as $$
begin
    if old.status = 'signed' then
        raise exception 'a signed note cannot be changed or deleted' using errcode = 'check_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end
$$;

create trigger note_signed_is_final before update or delete on note
    for each row execute function note_signed_is_final();

create table note_addendum (
    id                 uuid        primary key,
    note_id            uuid        not null references note (id),
    author_id          uuid        not null,
    content_ciphertext bytea       not null,
    created_at         timestamptz not null default now()
);

create index note_addendum_by_note on note_addendum (note_id, created_at);

-- Addenda amend signed notes only, and are never changed or removed.
create function note_addendum_rules() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if not exists (select 1 from note where id = new.note_id and status = 'signed') then
            raise exception 'addenda amend signed notes only' using errcode = 'check_violation';
        end if;
        return new;
    end if;
    raise exception 'addenda are never changed or deleted' using errcode = 'check_violation';
end
$$;

create trigger note_addendum_rules before insert or update or delete on note_addendum
    for each row execute function note_addendum_rules();

-- The local copy of sessions-service's sessions, fed by session.* events: who may write the note of a session,
-- and which completed sessions still lack one.
create table caseload_session (
    id           uuid        primary key,
    client_id    uuid        not null,
    therapist_id uuid        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    status       text        not null check (status in ('booked', 'completed', 'cancelled', 'noshow', 'rescheduled')),
    completed_at timestamptz,
    updated_at   timestamptz not null default now()
);

create index caseload_session_completed on caseload_session (therapist_id, starts_at) where status = 'completed';
create index caseload_session_by_client on caseload_session (client_id);

-- Roster changes from roster.* events. A therapist unlinked from a client loses access to their notes.
create table caseload_roster (
    therapist_id uuid        not null,
    client_id    uuid        not null,
    linked       boolean     not null,
    changed_at   timestamptz not null,
    primary key (therapist_id, client_id)
);

-- Clients whose data key was destroyed, why and at whose request. The reason is a code, never free text.
create table client_erasure (
    client_id     uuid        primary key,
    erased_at     timestamptz not null default now(),
    requested_via text        not null check (requested_via in ('client.erased', 'operator')),
    requested_by  uuid,
    reason        text        not null check (reason in ('account-erased', 'client-request', 'consent-withdrawn',
                                                         'legal-obligation', 'retention-expired')),
    reference     text        check (reference ~ '^[A-Za-z0-9._:/#-]{1,64}$'),
    check ((requested_via = 'operator') = (requested_by is not null))
);

-- The access audit: append-only, every entry carrying the hash of the one before (SHA-256 over the previous hash
-- and the entry's canonical fields). Sequence numbers have no gaps, and the chain head holds the last entry's hash,
-- so an edited, removed or truncated entry is found by walking the chain (the service re-computes every hash).
--
-- The service only inserts an entry's fields; the entry is sealed into the chain when its transaction commits (a
-- deferred constraint trigger): sequence, previous hash and hash. The chain head is locked only while the commit
-- runs, inside the database, so concurrent requests line up into one chain without holding a lock across round trips.
create table audit_entry (
    id            uuid        primary key,
    sequence      bigint      unique,
    occurred_at   timestamptz not null,
    actor_id      uuid,
    actor_role    text        not null,
    action        char(1)     not null check (action in ('C', 'R', 'U', 'D', 'E')),
    activity      text        not null,
    note_id       uuid,
    client_id     uuid,
    outcome       text        not null,
    request_id    text,
    previous_hash bytea,
    hash          bytea,
    check ((sequence is null) = (hash is null) and (hash is null) = (previous_hash is null))
);

create index audit_entry_by_note on audit_entry (note_id, sequence) where note_id is not null;

-- One row: the end of the chain. Sealing locks it, which orders concurrent commits into one chain.
create table audit_chain_head (
    id            boolean     primary key default true check (id),
    last_sequence bigint      not null,
    last_hash     bytea       not null
);

insert into audit_chain_head (id, last_sequence, last_hash) values (true, 0, decode(repeat('00', 32), 'hex'));

-- One field of an entry's canonical encoding: its UTF-8 length as 4 bytes big-endian (-1 for null), then its bytes.
-- The service's verifier encodes the same way (AuditEntry.computeHash).
create function audit_part(value text) returns bytea language sql immutable as $$
    select case when value is null then int4send(-1)
                else int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8') end
$$;

create function audit_entry_seal() returns trigger language plpgsql as $$
declare
    chain_sequence bigint;
    chain_hash     bytea;
    entry_hash     bytea;
begin
    select h.last_sequence, h.last_hash into chain_sequence, chain_hash from audit_chain_head h for update;
    entry_hash := sha256(chain_hash
        || audit_part('audit-entry/v1')
        || audit_part((chain_sequence + 1)::text)
        || audit_part(new.id::text)
        || audit_part(((extract(epoch from new.occurred_at) * 1000000)::bigint)::text)
        || audit_part(new.actor_id::text)
        || audit_part(new.actor_role)
        || audit_part(new.action)
        || audit_part(new.activity)
        || audit_part(new.note_id::text)
        || audit_part(new.client_id::text)
        || audit_part(new.outcome)
        || audit_part(new.request_id));
    update audit_entry set sequence = chain_sequence + 1, previous_hash = chain_hash, hash = entry_hash
     where id = new.id;
    update audit_chain_head set last_sequence = chain_sequence + 1, last_hash = entry_hash;
    return null;
end
$$;

create constraint trigger audit_entry_sealed_at_commit after insert on audit_entry
    deferrable initially deferred for each row execute function audit_entry_seal();

-- Entries are never changed or removed; the one change allowed is their sealing at commit.
create function audit_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.hash is null and new.hash is not null
       and row(old.id, old.occurred_at, old.actor_id, old.actor_role, old.action, old.activity, old.note_id,
               old.client_id, old.outcome, old.request_id)
           is not distinct from
           row(new.id, new.occurred_at, new.actor_id, new.actor_role, new.action, new.activity, new.note_id,
               new.client_id, new.outcome, new.request_id) then
        return new;
    end if;
    raise exception 'the audit trail is append-only' using errcode = 'insufficient_privilege';
end
$$;

create function audit_refuses_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuses_change();
create trigger audit_chain_head_kept before delete on audit_chain_head
    for each row execute function audit_refuses_change();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_refuses_change();
