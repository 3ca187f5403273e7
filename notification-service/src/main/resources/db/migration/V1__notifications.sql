-- One message per (event, channel): a redelivered event finds its notification and sends nothing more.
CREATE TABLE notification (
    id                 UUID PRIMARY KEY,
    return_id          UUID        NOT NULL,
    causation_event_id TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    template           TEXT        NOT NULL,
    locale             TEXT        NOT NULL,
    recipient          TEXT        NOT NULL,
    subject            TEXT        NOT NULL,
    body               TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    attempts           INT         NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ,
    UNIQUE (causation_event_id, channel)
);
CREATE INDEX notification_return_idx ON notification (return_id, created_at);
CREATE INDEX notification_pending_idx ON notification (status, updated_at) WHERE status = 'PENDING';

-- Every delivery attempt and how it went.
CREATE TABLE notification_attempt (
    id              UUID PRIMARY KEY,
    notification_id UUID        NOT NULL REFERENCES notification (id),
    attempt         INT         NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL,
    error           TEXT
);
CREATE INDEX notification_attempt_idx ON notification_attempt (notification_id, attempt);
