-- Units of each order line held by returns that were not rejected, kept on the order itself and changed under its row
-- lock (a new return adds, a rejection gives back). Checking a new return then reads one row, whatever the number of
-- earlier returns of the order; before, every earlier return was read, so each return of a busy order cost more.
ALTER TABLE order_snapshot ADD COLUMN returned_units jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE order_snapshot ADD CONSTRAINT order_snapshot_returned_units_is_object
    CHECK (jsonb_typeof(returned_units) = 'object');

UPDATE order_snapshot o
SET returned_units = per_order.units
FROM (SELECT order_id, jsonb_object_agg(line_id, units) AS units
      FROM (SELECT r.order_id, line ->> 'lineId' AS line_id, sum((line ->> 'quantity')::int) AS units
            FROM return_request r, jsonb_array_elements(r.lines) AS line
            WHERE r.status <> 'REJECTED'
            GROUP BY r.order_id, line ->> 'lineId') per_line
      GROUP BY order_id) per_order
WHERE o.order_id = per_order.order_id;
