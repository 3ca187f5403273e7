-- The Idempotency-Key retention sweep (IdempotencyRetention) deletes the oldest records first, batch by batch.
CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at);
