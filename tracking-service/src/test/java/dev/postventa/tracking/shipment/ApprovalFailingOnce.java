package dev.postventa.tracking.shipment;

import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.support.effect.Effects;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.tracking.TrackingConfig;
import dev.postventa.tracking.stall.StallDeadlines;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test double of the approval handling: for a return a test marks, the inbox transaction fails once AFTER the
 * shipment was stored and its label scheduled, so the inbox rolls it back and runs it again. Every other return
 * is handled as in production. A singleton: a normal-scoped subclass would need a no-args constructor.
 */
@Alternative
@Priority(1)
@Singleton
public class ApprovalFailingOnce extends ShipmentService {

    private static final Set<UUID> FAIL_ONCE = ConcurrentHashMap.newKeySet();
    private static final Set<UUID> FAILED = ConcurrentHashMap.newKeySet();

    @Inject
    ApprovalFailingOnce(OutboxWriter outbox, Effects effects, TrackingConfig config, Clock clock,
                        StallDeadlines deadlines) {
        super(outbox, effects, config, clock, deadlines);
    }

    /** The next handling of an approval of {@code returnId} fails after it scheduled the label. */
    public static void failOnceAfterScheduling(UUID returnId) {
        FAIL_ONCE.add(returnId);
    }

    /** True once the handling of {@code returnId} did fail that way. */
    public static boolean failedFor(UUID returnId) {
        return FAILED.contains(returnId);
    }

    @Override
    public Uni<Void> createFor(ReturnApproved approved) {
        return super.createFor(approved).chain(() -> {
            if (FAIL_ONCE.remove(approved.returnId())) {
                FAILED.add(approved.returnId());
                return Uni.createFrom().failure(new IllegalStateException(
                        "test: the approval's transaction fails after scheduling the label"));
            }
            return Uni.createFrom().voidItem();
        });
    }
}
