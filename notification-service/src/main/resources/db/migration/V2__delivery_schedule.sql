-- When a PENDING notification may be tried next. While an attempt runs it is a lease (neither the sweeper nor another
-- instance sends the same message meanwhile); after a failure it is a growing, bounded wait.
ALTER TABLE notification ADD COLUMN next_attempt_at TIMESTAMPTZ;
UPDATE notification SET next_attempt_at = updated_at WHERE status = 'PENDING';
DROP INDEX notification_pending_idx;
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'PENDING';

-- An attempt number is claimed by exactly one attempt.
DROP INDEX notification_attempt_idx;
ALTER TABLE notification_attempt
    ADD CONSTRAINT notification_attempt_number_key UNIQUE (notification_id, attempt);
