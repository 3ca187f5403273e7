-- Merchant webhooks (issue 11 §3): a merchant's URL subscribed to event types, and one delivery per subscription and
-- event. The delivery schedule itself (attempt count, lease, next due time) is the pending_effect row of kind
-- 'merchant-webhook' whose key is the delivery id; the columns here are what the deliveries endpoint shows.
CREATE TABLE merchant_webhook_subscription (
    id          uuid          PRIMARY KEY,
    url         varchar(2000) NOT NULL,
    -- Catalogued ce_types, comma-separated (a type never contains a comma).
    event_types text          NOT NULL,
    description varchar(500),
    -- 'whsec_' + base64 of 32 random bytes: needed in clear to sign; shown once, in the answer to its creation.
    secret      varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    -- Set by DELETE: nothing more is delivered, the deliveries stay readable.
    deleted_at  timestamptz
);

CREATE TABLE merchant_webhook_delivery (
    id              uuid        PRIMARY KEY,
    subscription_id uuid        NOT NULL REFERENCES merchant_webhook_subscription (id),
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    -- The Standard Webhooks webhook-id, the same on every attempt: the merchant deduplicates on it.
    webhook_id      text        NOT NULL,
    -- The exact body sent on every attempt (the signature covers it).
    body            text        NOT NULL,
    status          varchar(16) NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')),
    attempts        int         NOT NULL DEFAULT 0,
    last_http_status int,
    last_error      text,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    delivered_at    timestamptz,
    -- A redelivered Kafka record adds nothing.
    UNIQUE (subscription_id, event_id)
);

CREATE INDEX merchant_webhook_delivery_recent ON merchant_webhook_delivery (subscription_id, created_at DESC);
