-- Refund payments are now effects after commit (support table pending_effect, kind 'refund-payment', key = refund id)
-- instead of a sweeper over refund.status: the sweeper's index goes, and every refund still PENDING when this version
-- starts gets its payment scheduled, so that none is left waiting. The idempotency key stays the refund id: a refund
-- the old version had already paid is answered by the provider with the same reference and is not paid twice.
DROP INDEX IF EXISTS refund_pending_idx;

INSERT INTO pending_effect (id, kind, effect_key, payload, status, attempts, due_at, created_at, updated_at)
SELECT gen_random_uuid(), 'refund-payment', r.id::text,
       jsonb_build_object('idempotencyKey', r.id::text,
                          'orderId', r.order_id,
                          'amount', jsonb_build_object('amount', r.amount::text, 'currency', r.currency::text))::text,
       'PENDING', 0, now(), now(), now()
FROM refund r
WHERE r.status = 'PENDING'
ON CONFLICT (kind, effect_key) DO NOTHING;
