-- Proactive notices (issue 11 §2): each is emitted once, and the row says so, so that neither the next refresh nor a
-- restart nor a second replica emits it again (the detector locks the row and re-checks these columns).
-- stall_notified_at: when ReturnShipmentStalled was emitted for the CURRENT stall; a newly received scan clears it,
-- so the next stall can be told. label_reminded_at: when ReturnLabelReminderDue was emitted (once per shipment; also
-- set, without a reminder, when the label stalled first: the stall message says all the reminder would).
ALTER TABLE shipment ADD COLUMN stall_notified_at TIMESTAMPTZ;
ALTER TABLE shipment ADD COLUMN label_reminded_at TIMESTAMPTZ;
