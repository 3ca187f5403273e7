-- Earlier versions recorded a refund FAILED when every payment call went unanswered ("gave up after N attempts: …"),
-- although the provider may have paid. Each such refund gets a status lookup (effect 'refund-status', key = refund id,
-- the idempotency key): one the provider paid becomes ISSUED with RefundIssued (logged at ERROR, metric
-- postventa_refunds_late_success_total); one it has no record of stays FAILED. The lookup pays nothing.
INSERT INTO pending_effect (id, kind, effect_key, payload, status, attempts, due_at, created_at, updated_at)
SELECT gen_random_uuid(), 'refund-status', r.id::text, NULL, 'PENDING', 0, now(), now(), now()
FROM refund r
WHERE r.status = 'FAILED' AND r.failure_reason LIKE 'gave up after %'
ON CONFLICT (kind, effect_key) DO NOTHING;
