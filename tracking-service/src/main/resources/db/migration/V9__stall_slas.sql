-- Stall SLAs per carrier and country and the label reminder tied to the return window (issue 11 §2).
-- stall_due_at: when the shipment counts as stalled unless a scan arrives first (our receipt time of its latest scan,
-- or our label time while unscanned, plus the SLA of its carrier, customer country and status); set whenever the label
-- is made or a scan is received, so the detector, the KPIs and the gauge read one indexed column. stall_sla: the SLA
-- applied (told in ReturnShipmentStalled.threshold). Rows from before V9 keep NULL and are judged by the global SLAs
-- until their next scan. ship_by: ReturnApproved.shipBy (returns-service's policy time), for the label reminder.
ALTER TABLE shipment ADD COLUMN stall_due_at TIMESTAMPTZ;
ALTER TABLE shipment ADD COLUMN stall_sla TEXT;
ALTER TABLE shipment ADD COLUMN ship_by TIMESTAMPTZ;
CREATE INDEX shipment_stall_due_idx ON shipment (stall_due_at) WHERE stall_notified_at IS NULL;
