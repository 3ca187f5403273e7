-- The order a shipment belongs to (from ReturnApproved), so a customer's token, which opens one order, can be checked
-- against it. Shipments created before this column stay without an order: only operations see them.
ALTER TABLE shipment ADD COLUMN order_id varchar(100);
