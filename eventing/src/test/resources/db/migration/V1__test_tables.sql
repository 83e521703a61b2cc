-- The test service's own state (a booking) and the effect of consuming its event (a copy).
create table booking (session_id uuid primary key, client_id uuid not null);
create table booking_copy (session_id uuid not null, client_id uuid not null, applied_at timestamptz not null default now());
