-- Claiming asks two questions, each with its own index: which pending messages are due (in due order, stopping at
-- the first one that is not), and which claims were abandoned by an instance that died mid-send. One index over both
-- made every poll walk all the reminders planned for the weeks ahead whenever fewer than a batch were due.
drop index delivery_due_idx;
create index delivery_pending_idx on delivery (next_attempt_at) where status = 'pending';
create index delivery_sending_idx on delivery (claimed_until) where status = 'sending';
