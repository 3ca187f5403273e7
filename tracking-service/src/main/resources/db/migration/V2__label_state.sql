-- A shipment exists from the approval on; its carrier label follows after the commit (effect "carrier-label").
-- label_state is internal: PENDING until the carrier answered, then CREATED (tracking number, label URL and the
-- carrier-facing status are set) or FAILED (the carrier refused or every attempt failed; label_error says why).
ALTER TABLE shipment ADD COLUMN label_state TEXT NOT NULL DEFAULT 'CREATED'
    CHECK (label_state IN ('PENDING', 'CREATED', 'FAILED'));
ALTER TABLE shipment ALTER COLUMN label_state DROP DEFAULT;
ALTER TABLE shipment ADD COLUMN label_error TEXT;
ALTER TABLE shipment ALTER COLUMN tracking_number DROP NOT NULL;
ALTER TABLE shipment ALTER COLUMN label_url DROP NOT NULL;
ALTER TABLE shipment ALTER COLUMN status DROP NOT NULL;
ALTER TABLE shipment ALTER COLUMN status_at DROP NOT NULL;
-- Only a shipment with a label has a tracking number, a label URL and a carrier-facing status.
ALTER TABLE shipment ADD CONSTRAINT shipment_label_complete CHECK (
    (label_state = 'CREATED') = (tracking_number IS NOT NULL AND label_url IS NOT NULL AND status IS NOT NULL
                                 AND status_at IS NOT NULL));
