-- Exactly one refund per return: the unique return_id makes a redelivered or repeated ReturnReceived a no-op.
CREATE TABLE refund (
    id                 UUID PRIMARY KEY,
    return_id          UUID          NOT NULL UNIQUE,
    order_id           TEXT          NOT NULL,
    amount             NUMERIC(19,4) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    status             TEXT          NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    provider_reference TEXT,
    failure_reason     TEXT,
    customer_id        TEXT          NOT NULL,
    email              TEXT          NOT NULL,
    locale             TEXT          NOT NULL,
    country            TEXT          NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX refund_pending_idx ON refund (status, updated_at) WHERE status = 'PENDING';
