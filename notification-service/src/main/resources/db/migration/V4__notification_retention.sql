-- Retention: settled messages are found by their last change (NotificationRetention deletes them in batches).
CREATE INDEX notification_settled_idx ON notification (updated_at) WHERE status IN ('SENT', 'FAILED');
