-- Homework assigned by a therapist to a client.
create table assignment (
    id           uuid primary key,
    client_id    uuid        not null,
    therapist_id uuid        not null,
    template_id  uuid        not null,
    status       text        not null check (status in ('assigned', 'in-progress', 'submitted', 'reviewed')),
    due_at       timestamptz not null,
    created_at   timestamptz not null default now()
);

create index assignment_client_idx on assignment (client_id, due_at);
create index assignment_therapist_idx on assignment (therapist_id, due_at);
