package dev.postventa.returns.request;

import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.returns.kpi.KpiFacts;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

/**
 * Records when a return was refunded: refund-service's {@code RefundIssued.issuedAt} (its clock, a platform clock),
 * the first refund only. The journey's status does not change. Runs inside the inbox's transaction.
 */
@ApplicationScoped
public class RefundProgress {

    private static final Logger LOG = Logger.getLogger(RefundProgress.class);

    public Uni<Void> issued(RefundIssued refund, KpiFacts facts) {
        return ReturnRequest.<ReturnRequest>findById(refund.returnId(), LockModeType.PESSIMISTIC_WRITE)
                .invoke(request -> {
                    if (request == null) {
                        LOG.warnf("refund %s names unknown return %s: ignored", refund.refundId(), refund.returnId());
                    } else if (request.refunded(refund.issuedAt())) {
                        LOG.infof("return %s refunded at %s (refund %s)", request.id, refund.issuedAt(),
                                refund.refundId());
                        facts.refunded(request.createdAt, request.refundedAt);
                    } else {
                        LOG.infof("refund %s of return %s: the return was already refunded at %s; first time kept",
                                refund.refundId(), request.id, request.refundedAt);
                    }
                })
                .replaceWithVoid();
    }
}
