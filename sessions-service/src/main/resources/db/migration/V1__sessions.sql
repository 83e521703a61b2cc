-- Therapy sessions. Statuses follow FHIR R4 Appointment.status.
create table session (
    id           uuid primary key,
    therapist_id uuid        not null,
    client_id    uuid        not null,
    starts_at    timestamptz not null,
    ends_at      timestamptz not null,
    status       text        not null,
    created_at   timestamptz not null default now(),
    constraint session_ends_after_start check (ends_at > starts_at),
    constraint session_status_known check (status in
        ('proposed', 'pending', 'booked', 'arrived', 'fulfilled', 'cancelled', 'noshow', 'entered-in-error'))
);

create index session_client_idx on session (client_id, starts_at desc);
create index session_therapist_idx on session (therapist_id, starts_at desc);
