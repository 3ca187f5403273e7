-- Failed order-number + email exchanges per order number (known or not, so a lockout reveals nothing), to lock an
-- order number out after too many wrong emails. Rows end when their window ends (CustomerTokenGuardSweep).
CREATE TABLE customer_token_guard (
    order_id          varchar(100) PRIMARY KEY,
    failures          integer      NOT NULL,
    window_started_at timestamptz  NOT NULL,
    locked_until      timestamptz
);
