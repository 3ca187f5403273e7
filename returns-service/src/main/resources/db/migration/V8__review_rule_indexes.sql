-- Manual review (serial returners): a new return counts the customer's returns of the last days, by customer id or,
-- for a guest, by email. Without these every return request would scan return_request.
CREATE INDEX return_request_customer_created_idx ON return_request (customer_id, created_at);
CREATE INDEX return_request_guest_email_created_idx ON return_request (lower(email), created_at)
    WHERE customer_id IS NULL;
