-- Clinical notes' metadata. The text lives only as ciphertext (added with the encryption feature).
create table note (
    id         uuid primary key,
    session_id uuid        not null,
    client_id  uuid        not null,
    author_id  uuid        not null,
    kind       text        not null check (kind in ('progress', 'psychotherapy')),
    status     text        not null check (status in ('draft', 'signed')),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);

create index note_author_idx on note (author_id, created_at desc);
