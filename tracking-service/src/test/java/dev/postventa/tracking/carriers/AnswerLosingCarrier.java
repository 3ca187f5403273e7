package dev.postventa.tracking.carriers;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Test double around every carrier: for a key a test marks, the carrier issues the label and then its answer is lost
 * once (as when the connection or our worker dies between the carrier's acceptance and our recording of it); for a
 * key a test makes unreachable, label requests fail without reaching the carrier (an outage) until it is reachable
 * again. Every other call passes through unchanged.
 */
@Decorator
@Priority(1)
public class AnswerLosingCarrier implements CarrierPort {

    private static final Set<String> LOSE_ONCE = ConcurrentHashMap.newKeySet();
    private static final Set<String> UNREACHABLE = ConcurrentHashMap.newKeySet();

    private final CarrierPort carrier;

    @Inject
    AnswerLosingCarrier(@Delegate @Any CarrierPort carrier) {
        this.carrier = carrier;
    }

    /** The next answer to a label request with {@code idempotencyKey} is lost after the carrier issued the label. */
    public static void loseAnswerOnce(String idempotencyKey) {
        LOSE_ONCE.add(idempotencyKey);
    }

    /** Label requests with {@code idempotencyKey} fail (transiently) without reaching the carrier. */
    public static void unreachableFor(String idempotencyKey) {
        UNREACHABLE.add(idempotencyKey);
    }

    /** Label requests with {@code idempotencyKey} reach the carrier again. */
    public static void reachableFor(String idempotencyKey) {
        UNREACHABLE.remove(idempotencyKey);
    }

    @Override
    public String name() {
        return carrier.name();
    }

    @Override
    public Uni<ReturnLabel> createReturnLabel(String idempotencyKey, String rmaNumber, String country) {
        if (UNREACHABLE.contains(idempotencyKey)) {
            return Uni.createFrom().failure(new java.net.ConnectException("test: the carrier is unreachable"));
        }
        return carrier.createReturnLabel(idempotencyKey, rmaNumber, country).chain(label -> LOSE_ONCE.remove(idempotencyKey)
                ? Uni.createFrom().failure(new TimeoutException("test: the carrier issued " + label.trackingNumber()
                        + " but its answer never arrived"))
                : Uni.createFrom().item(label));
    }

    @Override
    public Uni<Void> voidLabel(String idempotencyKey, String trackingNumber) {
        return carrier.voidLabel(idempotencyKey, trackingNumber);
    }
}
