package dev.postventa.returns.policy;

import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.orders.OrderSnapshot;
import dev.postventa.returns.request.CreateReturnRequest;
import dev.postventa.returns.request.CreateReturnRequest.RequestedLine;
import dev.postventa.support.problem.Problem.FieldViolation;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether an order's lines may be returned: shipped to a country, delivered, not cancelled, each line within
 * its return window ({@link ReturnWindows}: legal minimum, category or default, season), not final sale, and never
 * more units than were bought (counting earlier returns). Returns every reason at once, field by field, so the
 * customer can fix the whole request in one go.
 */
@ApplicationScoped
public class ReturnPolicy {

    private final ReturnsConfig config;
    private final ReturnWindows windows;

    ReturnPolicy(ReturnsConfig config, ReturnWindows windows) {
        this.config = config;
        this.windows = windows;
    }

    public List<FieldViolation> check(OrderSnapshot order, CreateReturnRequest request, Instant now) {
        List<FieldViolation> violations = new ArrayList<>();
        if (order.contact.country == null) {
            // The contract allows an order without a shipping country (shipped nowhere); a return label needs one.
            violations.add(new FieldViolation("orderId", "order " + order.orderId
                    + " has no shipping country, so no return label can be made for it"));
        }
        if (order.cancelledAt != null) {
            violations.add(new FieldViolation("orderId", "order was cancelled on " + order.cancelledAt));
        } else if (order.deliveredAt == null) {
            violations.add(new FieldViolation("orderId", "order has not been delivered yet"));
        }
        // The window depends on the line's category (ReturnWindows), so it is judged line by line below.
        boolean windowApplies = order.cancelledAt == null && order.deliveredAt != null && order.contact.country != null;

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            RequestedLine requested = request.lines().get(i);
            String field = "lines[" + i + "]";
            if (!seen.add(requested.lineId())) {
                violations.add(new FieldViolation(field + ".lineId", "line " + requested.lineId() + " is listed twice"));
                continue;
            }
            Optional<OrderLine> line = order.line(requested.lineId());
            if (line.isEmpty()) {
                violations.add(new FieldViolation(field + ".lineId",
                        "line " + requested.lineId() + " is not part of order " + order.orderId));
                continue;
            }
            if (line.get().finalSale()) {
                violations.add(new FieldViolation(field + ".lineId",
                        "line " + requested.lineId() + " was sold as final sale and cannot be returned"));
                continue;
            }
            if (windowApplies) {
                ReturnWindows.Deadline deadline = windows.deadline(order.contact.country, line.get().category(),
                        order.deliveredAt, order.placedAt);
                if (!deadline.isOpenAt(now)) {
                    violations.add(new FieldViolation(field + ".lineId", deadline.refusal()));
                    continue;
                }
            }
            int alreadyReturned = order.returnedUnits(requested.lineId());
            int returnable = line.get().quantity() - alreadyReturned;
            if (requested.quantity() > returnable) {
                violations.add(new FieldViolation(field + ".quantity", "at most " + Math.max(returnable, 0)
                        + " can be returned (bought " + line.get().quantity() + ", already returned "
                        + alreadyReturned + ")"));
            }
        }
        return violations;
    }
}
