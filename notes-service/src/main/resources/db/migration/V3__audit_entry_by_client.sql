-- A client's own access log (GET /api/v1/notes/access-log) reads the newest sealed entries about them; without this
-- index that read walks the whole chain, which grows with every access to every note.
create index audit_entry_by_client on audit_entry (client_id, sequence desc)
    where client_id is not null and sequence is not null;
