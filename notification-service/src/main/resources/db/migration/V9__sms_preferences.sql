-- Each customer's choice of channels (issue 11 §3), keyed by the storefront's customer id, or 'email:<address in
-- lower case>' for a guest checkout (PreferenceKeys). No row = email only, every message, no quiet hours.
CREATE TABLE customer_preference (
    customer_key           varchar(320) PRIMARY KEY,
    channels               varchar(40)  NOT NULL,
    phone                  varchar(16),
    opt_out_non_essential  boolean      NOT NULL DEFAULT false,
    quiet_from             varchar(5),
    quiet_to               varchar(5),
    updated_at             timestamptz  NOT NULL
);

-- Whose each order is, learned from the events that name the customer: a customer's token opens one order, and its
-- preferences are that order's customer's. The first event to tell wins.
CREATE TABLE order_customer (
    order_id     varchar(100) PRIMARY KEY,
    customer_key varchar(320) NOT NULL
);
