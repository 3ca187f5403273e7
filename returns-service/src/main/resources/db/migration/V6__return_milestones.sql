-- Return KPIs (issue 9 §1): when a return got its label, was received and was refunded, each on a platform clock
-- (see returns-service/README.md, "KPIs"). No new status: the journey stays as it is, these are facts beside it.
ALTER TABLE return_request ADD COLUMN label_created_at TIMESTAMPTZ;
ALTER TABLE return_request ADD COLUMN received_at TIMESTAMPTZ;
ALTER TABLE return_request ADD COLUMN refunded_at TIMESTAMPTZ;

-- The KPI cohorts: returns requested in a range, orders placed in a range.
CREATE INDEX return_request_created_at_idx ON return_request (created_at);
CREATE INDEX order_snapshot_placed_at_idx ON order_snapshot (placed_at);

-- Backfill what the history already knows. The label's history line carries tracking-service's label time (the
-- ReturnShipmentCreated's createdAt, a platform clock).
UPDATE return_request r SET label_created_at = h.at
FROM (SELECT return_id, min(at) AS at FROM return_history WHERE detail LIKE 'return label created with %'
      GROUP BY return_id) h
WHERE h.return_id = r.id;
-- The RECEIVED history line carries the carrier's scan time (a partner's clock), so it is not used: a RECEIVED
-- return's updated_at is returns-service's own time of taking in the delivery (no later step changes it).
UPDATE return_request SET received_at = updated_at WHERE status = 'RECEIVED';
-- Refunds were not consumed before V6: refunded_at starts empty for older returns.
