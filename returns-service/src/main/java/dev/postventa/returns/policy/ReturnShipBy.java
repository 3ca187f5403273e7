package dev.postventa.returns.policy;

import dev.postventa.events.ReturnedLine;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.returns.orders.OrderSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The ship-by time of an approved return ({@code ReturnApproved.shipBy}): the latest close of the return windows
 * ({@link ReturnWindows}) of the lines that are shipped back, plus the grace period ({@link ShipByConfig}). None when
 * every line is kept (nothing is shipped) or the order has no delivery or country to count a window from. Whose clock:
 * the window is counted from the storefront's delivery time in the country's zone (as the policy does); tracking-service
 * only compares it with its own clock to time the label reminder.
 */
@ApplicationScoped
public class ReturnShipBy {

    private final ReturnWindows windows;
    private final ShipByConfig config;

    ReturnShipBy(ReturnWindows windows, ShipByConfig config) {
        this.windows = windows;
        this.config = config;
    }

    /** The ship-by time of {@code lines} of {@code order}; null when none applies. */
    public Instant of(OrderSnapshot order, List<ReturnedLine> lines) {
        if (order == null || order.contact == null || order.contact.country == null || order.deliveredAt == null) {
            return null;
        }
        Instant latest = null;
        for (ReturnedLine line : lines) {
            if (line.kept()) {
                continue;
            }
            // The order's category, as the policy judged the window; the line's copy if the order has lost the line.
            String category = order.line(line.lineId()).map(OrderLine::category).orElse(line.category());
            Instant closes = windows.deadline(order.contact.country, category, order.deliveredAt, order.placedAt)
                    .closesAt();
            if (latest == null || closes.isAfter(latest)) {
                latest = closes;
            }
        }
        return latest == null ? null : latest.plus(config.grace());
    }
}
