-- Inbox: one row per (consumer, event id) already handled. A consumer claims an event with
-- INSERT ... ON CONFLICT DO NOTHING in the same transaction as its side effect, so a redelivery has no effect.
CREATE TABLE inbox_message (
    consumer    TEXT        NOT NULL,
    event_id    TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
