-- Inventory read model (issue 10 §1, exchanges only with stock): one row per SKU, the storefront's latest level of it
-- from storefront.inventory. updated_at is the storefront's clock, only ever compared with its own earlier updated_at
-- of the same SKU (an older level arriving late is ignored), never with a platform time.
CREATE TABLE inventory_level (
    sku         TEXT PRIMARY KEY,
    product_id  TEXT,
    name        TEXT           NOT NULL,
    available   INTEGER        NOT NULL,
    unit_price  NUMERIC(19, 4) NOT NULL,
    currency    CHAR(3)        NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL,
    event_id    TEXT           NOT NULL,
    received_at TIMESTAMPTZ    NOT NULL
);

-- Exchange options: the other variants of a product that are in stock.
CREATE INDEX inventory_level_product_idx ON inventory_level (product_id) WHERE available > 0;
