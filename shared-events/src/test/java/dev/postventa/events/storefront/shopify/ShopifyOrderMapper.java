package dev.postventa.events.storefront.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.Money;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reference mapping of a Shopify order (the body of an {@code orders/*} webhook, REST Admin API shape) onto the
 * inbound contract, exactly as {@code shared-events/README.md} ("Mapping a Shopify order") documents it.
 *
 * <p>Test code on purpose: the platform runs no Shopify adapter and {@code shared-events} holds contracts only.
 * A storefront integration can copy it; it needs nothing but Jackson's tree model.
 */
public final class ShopifyOrderMapper {

    /** Product tag that marks final-sale products: Shopify has no final-sale field. */
    public static final String FINAL_SALE_TAG = "final-sale";

    private final Set<String> finalSaleProductIds;

    /**
     * @param finalSaleProductIds ids of the products tagged {@value #FINAL_SALE_TAG}; order webhooks carry no product
     *     tags, so the adapter looks them up (Admin API, cached) and passes them in
     */
    public ShopifyOrderMapper(Set<String> finalSaleProductIds) {
        this.finalSaleProductIds = Set.copyOf(finalSaleProductIds);
    }

    /**
     * The event for the order's current state. The type follows the snapshot, not the webhook topic, because every
     * event carries the whole order and delivery/cancellation are sticky: cancelled wins, then delivered.
     *
     * @param webhookId the {@code X-Shopify-Webhook-Id} header: the same on Shopify's retries of one delivery, so the
     *     consumer's dedup on {@code eventId} absorbs them
     */
    public StorefrontOrderEvent toEvent(String webhookId, JsonNode shopifyOrder) {
        StorefrontOrder order = toOrder(shopifyOrder);
        if (order.cancelledAt() != null) {
            return new StorefrontOrderEvent(webhookId, StorefrontOrderEvent.ORDER_CANCELLED, order.cancelledAt(), order);
        }
        if (order.deliveredAt() != null) {
            return new StorefrontOrderEvent(webhookId, StorefrontOrderEvent.ORDER_DELIVERED, order.deliveredAt(), order);
        }
        return new StorefrontOrderEvent(webhookId, StorefrontOrderEvent.ORDER_PLACED, order.placedAt(), order);
    }

    public StorefrontOrder toOrder(JsonNode order) {
        // The currency the customer saw and paid in; equals "currency" (the shop's) unless the shop sells abroad.
        String currency = text(order, "presentment_currency") != null ? text(order, "presentment_currency")
                : text(order, "currency");
        JsonNode customer = order.path("customer");
        List<OrderLine> lines = new ArrayList<>();
        order.path("line_items").forEach(line -> lines.add(toLine(line, currency)));
        return new StorefrontOrder(
                // Ids are 64-bit integers: read as text, never through a double (JavaScript would round them).
                text(order, "id"),
                text(customer, "id"),
                firstOf(text(order, "email"), text(order, "contact_email"), text(customer, "email")),
                locale(text(order, "customer_locale")),
                firstOf(text(order.path("shipping_address"), "country_code"),
                        text(order.path("billing_address"), "country_code")),
                currency,
                List.copyOf(lines),
                instant(text(order, "created_at")),
                deliveredAt(order),
                instant(text(order, "cancelled_at")));
    }

    private OrderLine toLine(JsonNode line, String currency) {
        int quantity = line.path("quantity").asInt();
        return new OrderLine(
                text(line, "id"),
                text(line, "sku"),
                // "name" includes the variant ("Camisa - M"); "title" would not.
                text(line, "name"),
                text(line, "product_type"),
                quantity,
                new Money(unitPricePaid(line, quantity, currency), currency),
                finalSaleProductIds.contains(text(line, "product_id")));
    }

    /**
     * (price × quantity − the line's discount allocations) ÷ quantity, in presentment money. Allocations are for the
     * whole line, so they are spread over its units. Rounded down to the currency's minor unit, so that refunding
     * every unit never pays back more than the line cost (the remainder, under one cent per unit, stays with the
     * merchant). {@code total_discount} is not used: Shopify deprecated it in favour of discount_allocations.
     */
    static BigDecimal unitPricePaid(JsonNode line, int quantity, String currency) {
        BigDecimal paid = presentment(line, "price").multiply(BigDecimal.valueOf(quantity));
        for (JsonNode allocation : line.path("discount_allocations")) {
            paid = paid.subtract(presentment(allocation, "amount"));
        }
        return paid.divide(BigDecimal.valueOf(quantity), Currency.getInstance(currency).getDefaultFractionDigits(),
                RoundingMode.DOWN);
    }

    /** {@code <field>_set.presentment_money.amount}, else the shop-currency {@code <field>} (older payloads). */
    private static BigDecimal presentment(JsonNode holder, String field) {
        String amount = text(holder.path(field + "_set").path("presentment_money"), "amount");
        return new BigDecimal(amount != null ? amount : holder.path(field).asText());
    }

    /**
     * Delivered when the whole order is fulfilled and every live fulfillment's {@code shipment_status} is
     * {@code delivered}; the time is the latest such fulfillment's {@code updated_at} (when the carrier's delivered
     * event reached the fulfillment; the exact scan time is the delivered fulfillment event's {@code happened_at}).
     */
    private static Instant deliveredAt(JsonNode order) {
        if (!"fulfilled".equals(text(order, "fulfillment_status"))) {
            return null;
        }
        Instant latest = null;
        for (JsonNode fulfillment : order.path("fulfillments")) {
            if (!"success".equals(text(fulfillment, "status"))) {
                continue; // cancelled, error or failure: nothing travelled
            }
            if (!"delivered".equals(text(fulfillment, "shipment_status"))) {
                return null;
            }
            Instant at = instant(text(fulfillment, "updated_at"));
            latest = latest == null || at.isAfter(latest) ? at : latest;
        }
        return latest;
    }

    /** Shopify sends e.g. {@code en}, {@code es-MX}, {@code pt-BR}; normalised to a canonical BCP 47 tag. */
    private static String locale(String shopifyLocale) {
        return shopifyLocale == null ? null : Locale.forLanguageTag(shopifyLocale).toLanguageTag();
    }

    /** Shopify times carry the shop's offset ({@code 2021-12-31T19:00:00-05:00}); the contract wants UTC. */
    private static Instant instant(String time) {
        return time == null ? null : OffsetDateTime.parse(time).toInstant();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
