package dev.postventa.events.storefront.shopify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postventa.events.EventJson;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Maps Shopify's own sample {@code orders/create} body (order #9999) as the README's mapping table says. */
class ShopifyOrderMapperTest {

    /** A copy of {@code /work/shared/fixtures/storefront/shopify-orders-create.json}, byte for byte. */
    private static final String FIXTURE = "fixtures/storefront/shopify-orders-create.json";
    private static final String WEBHOOK_ID = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
    private static final Instant NEW_YEAR_UTC = Instant.parse("2022-01-01T00:00:00Z");

    private final ShopifyOrderMapper mapper = new ShopifyOrderMapper(Set.of());

    @Test
    void mapsTheShopifySampleOrder() throws IOException {
        StorefrontOrder order = mapper.toOrder(fixture());

        assertThat(order.orderId()).isEqualTo("820982911946154508");
        assertThat(order.customerId()).isEqualTo("115310627314723954");
        assertThat(order.email()).isEqualTo("jon@example.com");
        assertThat(order.locale()).isEqualTo("en");
        assertThat(order.country()).isEqualTo("US");
        assertThat(order.currency()).isEqualTo("USD");
        // created_at "2021-12-31T19:00:00-05:00" is midnight UTC.
        assertThat(order.placedAt()).isEqualTo(NEW_YEAR_UTC);
        assertThat(order.cancelledAt()).isEqualTo(NEW_YEAR_UTC);
        assertThat(order.deliveredAt()).isNull();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineId()).isEqualTo("487817672276298554");
            assertThat(line.sku()).isEqualTo("SKU2006-001");
            assertThat(line.name()).isEqualTo("Aviator sunglasses");
            assertThat(line.category()).isNull();
            assertThat(line.quantity()).isEqualTo(1);
            assertThat(line.unitPrice().amount().toPlainString()).isEqualTo("89.99");
            assertThat(line.unitPrice().currency()).isEqualTo("USD");
            assertThat(line.finalSale()).isFalse();
        });
    }

    @Test
    void theSampleOrderIsAlreadyCancelledSoItsEventIsACancellation() throws IOException {
        StorefrontOrderEvent event = mapper.toEvent(WEBHOOK_ID, fixture());

        assertThat(event.eventId()).isEqualTo(WEBHOOK_ID);
        assertThat(event.type()).isEqualTo(StorefrontOrderEvent.ORDER_CANCELLED);
        assertThat(event.occurredAt()).isEqualTo(NEW_YEAR_UTC);
        JsonNode json = EventJson.mapper().readTree(EventJson.toJson(event));
        assertThat(json.at("/order/placedAt").asText()).isEqualTo("2022-01-01T00:00:00Z");
        assertThat(json.at("/order/lines/0/unitPrice/amount").isTextual()).isTrue();
        assertThat(EventJson.fromJson(EventJson.toJson(event), StorefrontOrderEvent.class)).isEqualTo(event);
    }

    @Test
    void unitPriceIsWhatWasPaidPerUnitAfterTheLinesDiscountsRoundedDown() throws IOException {
        ObjectNode order = fixture();
        ObjectNode line = (ObjectNode) order.path("line_items").get(0);
        line.put("quantity", 3);
        line.putArray("discount_allocations").addObject().put("amount", "10.00")
                .putObject("amount_set").putObject("presentment_money").put("amount", "10.00").put("currency_code", "USD");

        OrderLine mapped = mapper.toOrder(order).lines().get(0);

        // (3 × 89.99 − 10.00) / 3 = 86.6566…; rounded down so 3 × 86.65 = 259.95 never exceeds the 259.97 paid.
        assertThat(mapped.unitPrice().amount().toPlainString()).isEqualTo("86.65");
    }

    @Test
    void pricesComeFromPresentmentMoneyWhenTheCustomerPaidInAnotherCurrency() throws IOException {
        ObjectNode order = fixture();
        order.put("presentment_currency", "MXN");
        ObjectNode line = (ObjectNode) order.path("line_items").get(0);
        ((ObjectNode) line.path("price_set").path("presentment_money")).put("amount", "1799.00").put("currency_code", "MXN");

        StorefrontOrder mapped = mapper.toOrder(order);

        assertThat(mapped.currency()).isEqualTo("MXN");
        assertThat(mapped.lines().get(0).unitPrice().amount().toPlainString()).isEqualTo("1799.00");
        assertThat(mapped.lines().get(0).unitPrice().currency()).isEqualTo("MXN");
    }

    @Test
    void aProductTaggedFinalSaleMakesItsLinesFinalSale() throws IOException {
        ShopifyOrderMapper withTag = new ShopifyOrderMapper(Set.of("788032119674292922"));

        assertThat(withTag.toOrder(fixture()).lines().get(0).finalSale()).isTrue();
    }

    @Test
    void anOrderWhoseFulfillmentsAreAllDeliveredIsDelivered() throws IOException {
        ObjectNode order = fixture();
        order.putNull("cancelled_at");
        order.put("fulfillment_status", "fulfilled");
        ArrayNode fulfillments = order.putArray("fulfillments");
        fulfillments.addObject().put("id", 255858046).put("status", "success").put("shipment_status", "delivered")
                .put("updated_at", "2022-01-04T11:30:00-05:00");
        fulfillments.addObject().put("id", 255858047).put("status", "cancelled").putNull("shipment_status")
                .put("updated_at", "2022-01-05T09:00:00-05:00");

        StorefrontOrderEvent event = mapper.toEvent(WEBHOOK_ID, order);

        assertThat(event.type()).isEqualTo(StorefrontOrderEvent.ORDER_DELIVERED);
        assertThat(event.order().deliveredAt()).isEqualTo(Instant.parse("2022-01-04T16:30:00Z"));
        assertThat(event.occurredAt()).isEqualTo(event.order().deliveredAt());

        ((ObjectNode) fulfillments.get(0)).put("shipment_status", "in_transit");
        assertThat(mapper.toEvent(WEBHOOK_ID, order).type()).isEqualTo(StorefrontOrderEvent.ORDER_PLACED);
    }

    @Test
    void theCopiedFixtureIsTheSharedOne() throws IOException {
        // /work/main/shared-events → /work/shared/fixtures/...; only checked where the shared folder exists.
        Path shared = Path.of("").toAbsolutePath().resolve("../../shared/fixtures/storefront/shopify-orders-create.json")
                .normalize();
        assumeTrue(Files.exists(shared), "shared fixtures folder not present");
        try (InputStream copy = resource()) {
            assertThat(copy.readAllBytes()).isEqualTo(Files.readAllBytes(shared));
        }
    }

    private static ObjectNode fixture() throws IOException {
        try (InputStream in = resource()) {
            return (ObjectNode) EventJson.mapper().readTree(in);
        }
    }

    private static InputStream resource() {
        InputStream in = ShopifyOrderMapperTest.class.getClassLoader().getResourceAsStream(FIXTURE);
        assertThat(in).as(FIXTURE).isNotNull();
        return in;
    }
}
