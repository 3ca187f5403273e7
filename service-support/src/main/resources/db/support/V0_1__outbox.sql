-- Transactional outbox. Rows are inserted and deleted in the business transaction: the table stays empty and
-- the embedded Debezium relay reads the inserts from the WAL (logical decoding, pgoutput).
CREATE TABLE outbox_event (
    id             UUID PRIMARY KEY,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,
    event_type     TEXT        NOT NULL,
    topic          TEXT        NOT NULL,
    payload        JSONB       NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL
);

-- Debezium reads the inserted row from the WAL; the full row is already in an INSERT, nothing more is needed.
ALTER TABLE outbox_event REPLICA IDENTITY DEFAULT;
