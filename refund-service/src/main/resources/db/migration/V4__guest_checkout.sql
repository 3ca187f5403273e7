-- Guest checkout (issue 7 §4.7): a guest has no customer id and is refunded like anyone. Locale and country stay
-- NOT NULL: returns-service always sends them (a missing locale is defaulted from the country, shared-events Locales).
ALTER TABLE refund ALTER COLUMN customer_id DROP NOT NULL;
