-- A cancelled return's shipment (ReturnCancelled, issue 10 §4): its label is voided at the carrier by the effect
-- "carrier-label-void", or never made. void_state: PENDING (owed), VOIDED (the carrier voided it), NOT_NEEDED (no
-- label was ever made), FAILED (the carrier refused or every attempt failed: void_error says why; void it by hand).
-- Null while the return is not cancelled. Later scans of a cancelled shipment join its timeline and change nothing.
ALTER TABLE shipment ADD COLUMN cancelled_at TIMESTAMPTZ;
ALTER TABLE shipment ADD COLUMN void_state TEXT CHECK (void_state IN ('PENDING', 'VOIDED', 'NOT_NEEDED', 'FAILED'));
ALTER TABLE shipment ADD COLUMN void_error TEXT;
ALTER TABLE shipment ADD CONSTRAINT shipment_void_when_cancelled CHECK ((cancelled_at IS NULL) = (void_state IS NULL));
