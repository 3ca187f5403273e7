-- Scans decide a shipment's status by the carrier's scan time, ties broken by the order we received them in:
-- receipt_seq is that order (assigned by the database at insert, under the shipment's row lock), never our clock.
ALTER TABLE scan ADD COLUMN receipt_seq BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE scan ADD CONSTRAINT scan_receipt_seq_unique UNIQUE (receipt_seq);
-- A scan stamped further ahead of its receipt than any time-zone mistake explains (postventa.tracking.
-- future-scan-tolerance): kept in the timeline, never trusted to order scans.
ALTER TABLE scan ADD COLUMN future_dated BOOLEAN NOT NULL DEFAULT false;
