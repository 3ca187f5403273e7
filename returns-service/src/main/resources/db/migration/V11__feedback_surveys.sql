-- Satisfaction surveys (issue 11 §4): one survey per return, scheduled by its first refund or store credit and sent
-- by a sweep; at most one answer per return (the primary key is what refuses a second one, also under concurrency).
CREATE TABLE feedback_survey (
    return_id     uuid PRIMARY KEY REFERENCES return_request (id),
    -- What settled the return first (RefundIssued or StoreCreditIssued) and when WE received it: the delay counts
    -- from our receipt, not from refund-service's issuedAt.
    triggered_by  text        NOT NULL,
    scheduled_at  timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    -- Set, with the link's expiry, in the transaction that writes FeedbackRequested to the outbox.
    requested_at  timestamptz,
    expires_at    timestamptz
);
-- The sweep reads the due, unsent surveys oldest first.
CREATE INDEX feedback_survey_due ON feedback_survey (due_at) WHERE requested_at IS NULL;

CREATE TABLE feedback_answer (
    return_id    uuid PRIMARY KEY REFERENCES return_request (id),
    kind         text        NOT NULL CHECK (kind IN ('NPS', 'CSAT')),
    score        int         NOT NULL CHECK ((kind = 'NPS' AND score BETWEEN 0 AND 10)
                                             OR (kind = 'CSAT' AND score BETWEEN 1 AND 5)),
    comment      text,
    -- The return's reason codes and categories when the answer was stored (distinct, in line order), for the KPIs.
    reasons      jsonb       NOT NULL,
    categories   jsonb       NOT NULL,
    received_at  timestamptz NOT NULL
);
-- The KPI ranges select answers by the time we received them.
CREATE INDEX feedback_answer_received ON feedback_answer (received_at);
