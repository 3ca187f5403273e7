-- Delivery moved to the shared effect mechanism (pending_effect, kind 'email', key = notification id): the effect
-- row keeps the attempt count, the lease and the next due time, so the notification keeps only its own state.
-- Messages still PENDING become due effects at once; their attempt numbers continue where they were.
INSERT INTO pending_effect (id, kind, effect_key, payload, status, attempts, due_at, created_at, updated_at)
SELECT gen_random_uuid(), 'email', id::text, NULL, 'PENDING', attempts, now(), created_at, now()
FROM notification
WHERE status = 'PENDING'
ON CONFLICT (kind, effect_key) DO NOTHING;

DROP INDEX notification_due_idx;
ALTER TABLE notification DROP COLUMN next_attempt_at;
ALTER TABLE notification DROP COLUMN attempts;
-- Why a message was given up (the last error, or the refusal), when FAILED.
ALTER TABLE notification ADD COLUMN failure_reason TEXT;
