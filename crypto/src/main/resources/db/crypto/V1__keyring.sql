-- The keyring: each subject's data key (a Tink AES-256-GCM keyset, see SubjectKeyring), wrapped under a master key
-- that never enters the database. Destroying a key leaves the row behind without key material (a tombstone), so that
-- nothing new is ever encrypted for an erased subject and everything encrypted before stays unreadable.
-- ${keyring_table} is the service's teletherapy.crypto.keyring-table; ${flyway:defaultSchema} is this module's schema.
--
-- Before this module had a schema of its own, a service created the table with its own migration, in its default
-- schema (notes-service's and exercises-service's V2: public.client_keyset). Such a table is moved here as it is: its
-- rows are the only keys to what was encrypted under them; its constraints and its index move with it.
do $$
begin
    if to_regclass('public.${keyring_table}') is not null then
        alter table public.${keyring_table} set schema ${flyway:defaultSchema};
    else
        create table ${flyway:defaultSchema}.${keyring_table} (
            subject_id         uuid        primary key,
            wrapped_keyset     bytea,                      -- null once destroyed
            master_key_version text,
            created_at         timestamptz not null default now(),
            rewrapped_at       timestamptz,
            destroyed_at       timestamptz,
            check ((wrapped_keyset is null) = (destroyed_at is not null)),
            check ((wrapped_keyset is null) = (master_key_version is null))
        );
        create index ${keyring_table}_by_version on ${flyway:defaultSchema}.${keyring_table} (master_key_version)
            where wrapped_keyset is not null;
    end if;
end
$$;
