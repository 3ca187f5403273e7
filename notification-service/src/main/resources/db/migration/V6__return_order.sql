-- Which order each return belongs to, learned from the return events that carry it (ReturnApproved first), so a
-- customer's token, which opens one order, can be checked against a return's notifications.
CREATE TABLE return_order (
    return_id uuid         PRIMARY KEY,
    order_id  varchar(100) NOT NULL
);
