-- Order and return lines become jsonb arrays mapped by Hibernate (money stays a decimal string inside the JSON).
ALTER TABLE order_snapshot ALTER COLUMN lines_json TYPE jsonb USING lines_json::jsonb;
ALTER TABLE order_snapshot RENAME COLUMN lines_json TO lines;
ALTER TABLE order_snapshot ADD CONSTRAINT order_snapshot_lines_is_array CHECK (jsonb_typeof(lines) = 'array');

ALTER TABLE return_request ALTER COLUMN lines_json TYPE jsonb USING lines_json::jsonb;
ALTER TABLE return_request RENAME COLUMN lines_json TO lines;
ALTER TABLE return_request ADD CONSTRAINT return_request_lines_is_array CHECK (jsonb_typeof(lines) = 'array');
