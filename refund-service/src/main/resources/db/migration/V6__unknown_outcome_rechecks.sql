-- Refunds whose outcome stayed unknown are looked up again periodically (refund.UnknownOutcomeRechecks): the sweep
-- reads them every minute, so they are found without scanning every refund ever paid.
CREATE INDEX refund_outcome_unknown ON refund (created_at) WHERE status = 'OUTCOME_UNKNOWN';
