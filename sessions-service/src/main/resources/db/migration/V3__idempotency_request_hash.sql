-- A reused Idempotency-Key is recognised: the key is kept with a SHA-256 of the request it was first used for.
-- Keys stored before have none and keep answering as they did.
alter table idempotency_key add column request_hash text;
