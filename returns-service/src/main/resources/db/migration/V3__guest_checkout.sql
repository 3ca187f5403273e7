-- Guest checkout (issue 7 §4.7): the storefront contract allows an order without customer id (a guest) and without
-- shipping country (shipped nowhere; such an order is kept but cannot be returned). The locale stays NOT NULL: a
-- missing one is defaulted from the country before it is stored (shared-events Locales).
ALTER TABLE order_snapshot ALTER COLUMN customer_id DROP NOT NULL;
ALTER TABLE order_snapshot ALTER COLUMN country DROP NOT NULL;
-- A return always has a country (the policy refuses one without), but a guest has no customer id.
ALTER TABLE return_request ALTER COLUMN customer_id DROP NOT NULL;
