-- Every verified delivery of a tracking vendor's own webhook (Shippo, AfterShip), its raw body kept byte for byte for
-- audit (what the vendor signed and we acted on). (source, delivery_id) is the vendor's id of the delivery: a replay
-- of the same delivery finds its row and changes nothing. Forged or refused requests are never stored.
CREATE TABLE webhook_delivery (
    source       TEXT        NOT NULL,
    delivery_id  TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    body         BYTEA       NOT NULL,
    PRIMARY KEY (source, delivery_id)
);
