-- Issue 10: refunds now come from ReturnResolved, which may deduct a restocking fee (shown on the refund and in
-- RefundIssued). Earlier refunds had none: 0, a constant default, so the column is added without rewriting the table.
ALTER TABLE refund ADD COLUMN restocking_fee NUMERIC(19,4) NOT NULL DEFAULT 0;

-- Store credit: one account per customer (customer id, or 'email:<lower-case email>' for a guest) and currency. Its
-- balance is the sum of what is left of its issued credits; the row is locked by every change (issue, redemption,
-- expiry), so two changes of one account never both read the same balance.
CREATE TABLE store_credit_account (
    id           UUID PRIMARY KEY,
    customer_key TEXT          NOT NULL,
    currency     CHAR(3)       NOT NULL,
    balance      NUMERIC(19,4) NOT NULL CHECK (balance >= 0),
    customer_id  TEXT,
    email        TEXT          NOT NULL,
    locale       TEXT          NOT NULL,
    country      TEXT          NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    UNIQUE (customer_key, currency)
);

-- The ledger: ISSUE (a resolved return's credit, bonus included; 'remaining' is its unspent part, 'expires_at' when
-- that part expires), REDEEM (the storefront spent credit; idempotency key and a fingerprint of the request) and
-- EXPIRE (the unspent part of one ISSUE entry left the balance). balance_after is the account's balance after it.
CREATE TABLE store_credit_entry (
    id                  UUID PRIMARY KEY,
    account_id          UUID          NOT NULL REFERENCES store_credit_account (id),
    kind                TEXT          NOT NULL CHECK (kind IN ('ISSUE', 'REDEEM', 'EXPIRE')),
    amount              NUMERIC(19,4) NOT NULL CHECK (amount > 0),
    bonus               NUMERIC(19,4),
    balance_after       NUMERIC(19,4) NOT NULL CHECK (balance_after >= 0),
    remaining           NUMERIC(19,4) CHECK (remaining >= 0),
    expires_at          TIMESTAMPTZ,
    return_id           UUID,
    order_id            TEXT,
    issue_entry_id      UUID REFERENCES store_credit_entry (id),
    reference           TEXT,
    idempotency_key     TEXT,
    request_fingerprint TEXT,
    created_at          TIMESTAMPTZ   NOT NULL
);
-- A return is credited once, however often (and under whatever event id) its ReturnResolved arrives.
CREATE UNIQUE INDEX store_credit_issue_per_return ON store_credit_entry (return_id) WHERE kind = 'ISSUE';
-- A redemption's Idempotency-Key names one redemption.
CREATE UNIQUE INDEX store_credit_redemption_key ON store_credit_entry (idempotency_key) WHERE kind = 'REDEEM';
-- The expiry sweep and FIFO redemption read unspent issues by expiry.
CREATE INDEX store_credit_unspent_by_expiry ON store_credit_entry (expires_at)
    WHERE kind = 'ISSUE' AND remaining > 0;
CREATE INDEX store_credit_entry_account ON store_credit_entry (account_id, created_at);
