-- Read model of the storefront's orders, fed by storefront.orders (returns-service never calls the storefront).
CREATE TABLE order_snapshot (
    order_id      TEXT PRIMARY KEY,
    customer_id   TEXT        NOT NULL,
    email         TEXT        NOT NULL,
    locale        TEXT        NOT NULL,
    country       TEXT        NOT NULL,
    currency      CHAR(3)     NOT NULL,
    lines_json    TEXT        NOT NULL,
    placed_at     TIMESTAMPTZ,
    delivered_at  TIMESTAMPTZ,
    cancelled_at  TIMESTAMPTZ,
    snapshot_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE return_request (
    id              UUID PRIMARY KEY,
    order_id        TEXT        NOT NULL REFERENCES order_snapshot (order_id),
    customer_id     TEXT        NOT NULL,
    email           TEXT        NOT NULL,
    locale          TEXT        NOT NULL,
    country         TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    rma_number      TEXT UNIQUE,
    comment         TEXT,
    lines_json      TEXT        NOT NULL,
    tracking_number TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX return_request_order_idx ON return_request (order_id);

CREATE TABLE return_history (
    id         BIGSERIAL PRIMARY KEY,
    return_id  UUID        NOT NULL REFERENCES return_request (id),
    status     TEXT        NOT NULL,
    detail     TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX return_history_return_idx ON return_history (return_id, at, id);

-- Idempotency-Key of POST /returns: a retried request gets the first result instead of a second return.
CREATE TABLE idempotency_record (
    idempotency_key TEXT PRIMARY KEY,
    fingerprint     TEXT        NOT NULL,
    return_id       UUID        NOT NULL REFERENCES return_request (id),
    created_at      TIMESTAMPTZ NOT NULL
);
