-- A subscription is made once (issue 11 §3, idempotent operations): a retried POST must not make a second
-- subscription, which would sign and send every event twice to the same merchant endpoint.
-- 1. One active subscription per URL: a second one for the same URL is refused (409) whatever the key.
-- 2. An optional Idempotency-Key: the same key with the same request answers the first creation again (its secret
--    included, to the caller that holds the key); the same key with another request is refused (422).
ALTER TABLE merchant_webhook_subscription
    ADD COLUMN idempotency_key     varchar(200),
    ADD COLUMN request_fingerprint text;

CREATE UNIQUE INDEX merchant_webhook_subscription_active_url
    ON merchant_webhook_subscription (url) WHERE deleted_at IS NULL;

CREATE UNIQUE INDEX merchant_webhook_subscription_idempotency_key
    ON merchant_webhook_subscription (idempotency_key) WHERE idempotency_key IS NOT NULL;
