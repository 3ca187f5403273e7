-- One return shipment per approved return, created with a carrier.
CREATE TABLE shipment (
    id              UUID PRIMARY KEY,
    return_id       UUID        NOT NULL UNIQUE,
    rma_number      TEXT        NOT NULL,
    carrier         TEXT        NOT NULL,
    tracking_number TEXT        NOT NULL UNIQUE,
    label_url       TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    -- Carrier scan time of the scan that set the current status: later-arriving older scans never override it.
    status_at       TIMESTAMPTZ NOT NULL,
    customer_id     TEXT        NOT NULL,
    email           TEXT        NOT NULL,
    locale          TEXT        NOT NULL,
    country         TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Every scan a carrier reported, once: the carrier's event id makes a redelivered webhook a no-op.
CREATE TABLE scan (
    id                UUID PRIMARY KEY,
    shipment_id       UUID        NOT NULL REFERENCES shipment (id),
    carrier           TEXT        NOT NULL,
    carrier_event_id  TEXT        NOT NULL,
    carrier_status    TEXT        NOT NULL,
    status            TEXT,
    location          TEXT,
    scanned_at        TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (carrier, carrier_event_id)
);
CREATE INDEX scan_shipment_idx ON scan (shipment_id, scanned_at);
