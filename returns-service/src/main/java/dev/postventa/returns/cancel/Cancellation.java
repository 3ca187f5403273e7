package dev.postventa.returns.cancel;

import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.IllegalTransitionException;
import dev.postventa.returns.request.Records;
import dev.postventa.returns.request.ReturnRequest;
import dev.postventa.returns.request.ReturnRequestService;
import dev.postventa.returns.request.ReturnStatus;
import dev.postventa.returns.request.ReturnView;
import dev.postventa.returns.request.Transition;
import dev.postventa.support.outbox.OutboxWriter;
import dev.postventa.support.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Cancels a return before the carrier picks it up: loads it row-locked (a carrier scan of the same return waits, or
 * is waited for, so the two never both win), lets {@link ReturnRequest#cancel} decide, records its history and
 * {@code ReturnCancelled}, and gives its units back to the order under the order's lock, in one transaction.
 * Cancelling again answers the same view and changes nothing.
 */
@ApplicationScoped
public class Cancellation {

    private static final Logger LOG = Logger.getLogger(Cancellation.class);

    private final OutboxWriter outbox;
    private final Clock clock;
    private final ReturnRequestService requests;

    Cancellation(OutboxWriter outbox, Clock clock, ReturnRequestService requests) {
        this.outbox = outbox;
        this.clock = clock;
        this.requests = requests;
    }

    /**
     * @param visible whether the caller may see the return's order; when not, the answer is 404 as for an unknown one
     */
    public Uni<ReturnView> cancel(UUID id, Predicate<String> visible) {
        return Panache.withTransaction(() -> ReturnRequest.<ReturnRequest>findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("Return", id.toString()))
                        .invoke(request -> {
                            if (!visible.test(request.orderId)) {
                                throw ProblemException.notFound("Return", id.toString());
                            }
                        })
                        .chain(request -> Uni.createFrom().item(() -> request.cancel(clock.instant())))
                        .chain(done -> done.unchanged() != null ? Uni.createFrom().voidItem() : release(done)))
                .onFailure(IllegalTransitionException.class).transform(Cancellation::conflict)
                .chain(() -> requests.find(id));
    }

    private Uni<Void> release(Transition done) {
        ReturnRequest request = done.request();
        LOG.infof("return %s cancelled; its units go back to order %s", request.id, request.orderId);
        // The order row is locked after the return's, as in every other step that holds both.
        return Records.record(done, outbox)
                .chain(() -> OrderSnapshot.<OrderSnapshot>findById(request.orderId, LockModeType.PESSIMISTIC_WRITE))
                .invoke(order -> order.releaseReturned(request.lines))
                .replaceWithVoid();
    }

    private static ProblemException conflict(Throwable refused) {
        ReturnStatus status = ((IllegalTransitionException) refused).status();
        boolean pickedUp = status == ReturnStatus.IN_TRANSIT || status == ReturnStatus.RECEIVED;
        return new ProblemException(409, pickedUp ? "already-picked-up" : "illegal-transition",
                pickedUp ? "Return already picked up" : "Return cannot be cancelled", refused.getMessage(), List.of());
    }
}
