-- Effects after commit: a call to a partner (carrier label, payment, email) owed because of a committed business
-- change. The row is written in the business transaction; a worker performs the call outside any transaction with
-- the row's key as the partner's idempotency key, then records the outcome and its events in one transaction.
CREATE TABLE pending_effect (
    id          UUID PRIMARY KEY,
    kind        TEXT        NOT NULL,
    effect_key  TEXT        NOT NULL,
    payload     TEXT,
    status      TEXT        NOT NULL CHECK (status IN ('PENDING', 'DONE', 'FAILED')),
    attempts    INT         NOT NULL DEFAULT 0,
    -- While PENDING: when the next attempt may start. While an attempt runs, the end of its lease: should the worker
    -- die, the effect is due again then (and the partner sees the same key).
    due_at      TIMESTAMPTZ NOT NULL,
    last_error  TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    UNIQUE (kind, effect_key)
);

CREATE INDEX pending_effect_due ON pending_effect (due_at) WHERE status = 'PENDING';
