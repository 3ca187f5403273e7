package dev.postventa.events;

import dev.postventa.events.credit.StoreCreditExpired;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.credit.StoreCreditRedeemed;
import dev.postventa.events.notifications.CustomerNotified;
import dev.postventa.events.refunds.RefundFailed;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ExchangeConfirmed;
import dev.postventa.events.returns.ExchangeFallbackApplied;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.events.returns.InspectedLine;
import dev.postventa.events.returns.ResolvedLine;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.returns.ReturnInspected;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.events.returns.ReturnResolved;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnReceived;
import dev.postventa.events.returns.ReturnRequested;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentCreated;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.events.shipments.ShipmentStatusChanged;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.InventoryLevel;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic instance of every contract, keyed by the name of its golden file. */
final class EventSamples {

    static final UUID RETURN_ID = UUID.fromString("7d0b2c52-8f2e-4a51-9a3e-0c6f1f9e2a11");
    static final UUID SHIPMENT_ID = UUID.fromString("3b8f4e7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    static final UUID REFUND_ID = UUID.fromString("c4a1e2f3-5b6c-4d7e-8f9a-0b1c2d3e4f5a");
    static final UUID NOTIFICATION_ID = UUID.fromString("e9f8d7c6-b5a4-4321-9876-543210fedcba");
    static final CustomerContact ANA = new CustomerContact("cust-4711", "ana.lopez@example.mx", "es-MX", "MX");
    static final UUID ACCOUNT_ID = UUID.fromString("5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d");
    static final UUID CREDIT_ENTRY_ID = UUID.fromString("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e");
    /** A refund line as before resolutions, an exchange with a credit fallback, and a kept store-credit line. */
    static final List<ReturnedLine> LINES = List.of(
            new ReturnedLine("L1", "SKU-SHIRT-M", "Camisa de lino", 2, Money.of("499.90", "MXN"), "SIZE_TOO_SMALL"),
            new ReturnedLine("L2", "SKU-SNK-27", "Tenis urbanos", 1, Money.of("1299.00", "MXN"), "SIZE_TOO_SMALL",
                    "footwear", ReturnedLine.EXCHANGE, ReturnedLine.STORE_CREDIT, "SKU-SNK-28",
                    Money.of("1299.00", "MXN"), "res-88123", false),
            new ReturnedLine("L3", "SKU-SOCK-01", "Calcetas deportivas", 1, Money.of("89.00", "MXN"), "NOT_AS_DESCRIBED",
                    "accessories", ReturnedLine.STORE_CREDIT, null, null, null, null, true));
    static final Instant T = Instant.parse("2026-11-20T15:30:00Z");

    private EventSamples() {
    }

    static Map<String, Object> all() {
        Map<String, Object> samples = new LinkedHashMap<>();
        samples.put(EventCatalog.typeOf(ReturnRequested.class), new ReturnRequested(RETURN_ID, "MX-100234", ANA, LINES,
                "La camisa me quedó chica", T));
        samples.put(EventCatalog.typeOf(ReturnApproved.class), new ReturnApproved(RETURN_ID, "MX-100234", "RMA-261120-7KQ2ZP", ANA,
                LINES, T.plusSeconds(1), false, Instant.parse("2026-12-21T05:59:59Z")));
        samples.put(EventCatalog.typeOf(ReturnInTransit.class), new ReturnInTransit(RETURN_ID, "MX-100234", "RMA-261120-7KQ2ZP",
                "SIMMX000123456789", ANA, T.plusSeconds(86_400)));
        samples.put(EventCatalog.typeOf(ReturnReceived.class), new ReturnReceived(RETURN_ID, "MX-100234", "RMA-261120-7KQ2ZP", ANA,
                LINES, T.plusSeconds(3 * 86_400)));
        samples.put(EventCatalog.typeOf(ReturnRejected.class), new ReturnRejected(RETURN_ID, "MX-100234", ANA, LINES,
                "Las prendas muestran uso; fuera de la política de devoluciones", T.plusSeconds(7_200)));
        samples.put(EventCatalog.typeOf(ReturnCancelled.class), new ReturnCancelled(RETURN_ID, "MX-100234",
                "RMA-261120-7KQ2ZP", "SIMMX000123456789", ANA, T.plusSeconds(3_600)));
        samples.put(EventCatalog.typeOf(ExchangeRequested.class), new ExchangeRequested(RETURN_ID, "MX-100234", "L2",
                "SKU-SNK-27", "SKU-SNK-28", 1, Money.of("1299.00", "MXN"), Money.of("0.00", "MXN"), ANA,
                T.plusSeconds(1)));
        samples.put(EventCatalog.typeOf(ExchangeConfirmed.class), new ExchangeConfirmed(RETURN_ID, "MX-100234", "L2",
                "SKU-SNK-28", 1, "res-88123", ANA, T.plusSeconds(60)));
        samples.put(EventCatalog.typeOf(ExchangeFallbackApplied.class), new ExchangeFallbackApplied(RETURN_ID,
                "MX-100234", "L2", "SKU-SNK-28", ReturnedLine.STORE_CREDIT, "out_of_stock", ANA, T.plusSeconds(60)));
        samples.put(EventCatalog.typeOf(ReturnInspected.class), new ReturnInspected(RETURN_ID, "MX-100234",
                "RMA-261120-7KQ2ZP", ANA, List.of(
                new InspectedLine("L1", "SKU-SHIRT-M", "Camisa de lino", 2, 1, InspectedLine.DAMAGED,
                        "Una camisa llegó con una mancha de tinta", Money.of("0.00", "MXN")),
                new InspectedLine("L2", "SKU-SNK-27", "Tenis urbanos", 1, 1, InspectedLine.RESELLABLE, null,
                        Money.of("0.00", "MXN"))), false, T.plusSeconds(3 * 86_400 + 3_600)));
        samples.put(EventCatalog.typeOf(ReturnResolved.class), new ReturnResolved(RETURN_ID, "MX-100234",
                "RMA-261120-7KQ2ZP", ANA, List.of(
                new ResolvedLine("L1", "SKU-SHIRT-M", "Camisa de lino", 1, Money.of("499.90", "MXN"),
                        ReturnedLine.REFUND, null, Money.of("49.99", "MXN"), Money.of("449.91", "MXN"),
                        ReturnedLine.REFUND),
                new ResolvedLine("L2", "SKU-SNK-27", "Tenis urbanos", 1, Money.of("1299.00", "MXN"),
                        ReturnedLine.EXCHANGE, "SKU-SNK-28", Money.of("0.00", "MXN"), Money.of("0.00", "MXN"),
                        ReturnedLine.STORE_CREDIT),
                new ResolvedLine("L3", "SKU-SOCK-01", "Calcetas deportivas", 1, Money.of("89.00", "MXN"),
                        ReturnedLine.STORE_CREDIT, null, Money.of("0.00", "MXN"), Money.of("89.00", "MXN"),
                        ReturnedLine.STORE_CREDIT)),
                Money.of("449.91", "MXN"), Money.of("89.00", "MXN"), Money.of("49.99", "MXN"), false,
                T.plusSeconds(3 * 86_400 + 3_601)));
        samples.put(EventCatalog.typeOf(FeedbackRequested.class), new FeedbackRequested(RETURN_ID, "MX-100234",
                "RMA-261120-7KQ2ZP", ANA, "https://tienda.example.mx/encuesta?token=v1.N2QwYjJjNTI.c2lnbmF0dXJl",
                T.plusSeconds(35 * 86_400), T.plusSeconds(5 * 86_400)));
        samples.put(EventCatalog.typeOf(FeedbackReceived.class), new FeedbackReceived(RETURN_ID, "MX-100234",
                FeedbackReceived.NPS, 9, "Rápido y sin complicaciones", List.of("SIZE_TOO_SMALL", "NOT_AS_DESCRIBED"),
                List.of("footwear", "accessories"), T.plusSeconds(6 * 86_400)));
        samples.put(EventCatalog.typeOf(ReturnShipmentCreated.class), new ReturnShipmentCreated(SHIPMENT_ID, RETURN_ID,
                "RMA-261120-7KQ2ZP", "simulated", "SIMMX000123456789",
                "https://labels.simulated-carrier.invalid/SIMMX000123456789.pdf", ANA, T.plusSeconds(2)));
        samples.put(EventCatalog.typeOf(ShipmentStatusChanged.class), new ShipmentStatusChanged(SHIPMENT_ID, RETURN_ID,
                "SIMMX000123456789", ShipmentStatus.IN_TRANSIT, ShipmentStatus.LABEL_CREATED, "picked_up",
                "Ciudad de México", T.plusSeconds(86_400)));
        samples.put(EventCatalog.typeOf(ReturnShipmentStalled.class), new ReturnShipmentStalled(SHIPMENT_ID, RETURN_ID,
                "simulated", "SIMMX000123456789", ShipmentStatus.IN_TRANSIT, T.plusSeconds(86_400), "PT72H", ANA,
                T.plusSeconds(4 * 86_400 + 60)));
        samples.put(EventCatalog.typeOf(ReturnShipmentException.class), new ReturnShipmentException(SHIPMENT_ID,
                RETURN_ID, "simulated", "SIMMX000123456789", ReturnShipmentException.FAILED_PICKUP, "failure",
                "Recolección fallida: domicilio cerrado", ANA, T.plusSeconds(86_400), T.plusSeconds(86_460)));
        samples.put(EventCatalog.typeOf(ReturnLabelReminderDue.class), new ReturnLabelReminderDue(SHIPMENT_ID,
                RETURN_ID, "RMA-261120-7KQ2ZP", "simulated", "SIMMX000123456789",
                "https://labels.simulated-carrier.invalid/SIMMX000123456789.pdf", ANA, T.plusSeconds(2),
                T.plusSeconds(5 * 86_400 + 2), Instant.parse("2026-12-21T05:59:59Z")));
        samples.put(EventCatalog.typeOf(RefundIssued.class), new RefundIssued(REFUND_ID, RETURN_ID, "MX-100234",
                Money.of("449.91", "MXN"), "sim_re_5f2a9c1d7e3b", ANA, T.plusSeconds(3 * 86_400 + 3_660),
                Money.of("49.99", "MXN")));
        samples.put(EventCatalog.typeOf(StoreCreditIssued.class), new StoreCreditIssued(ACCOUNT_ID, CREDIT_ENTRY_ID,
                RETURN_ID, "MX-100234", Money.of("97.90", "MXN"), Money.of("8.90", "MXN"), Money.of("97.90", "MXN"),
                ANA, Instant.parse("2027-11-23T16:31:00Z"), T.plusSeconds(3 * 86_400 + 3_660)));
        samples.put(EventCatalog.typeOf(StoreCreditRedeemed.class), new StoreCreditRedeemed(ACCOUNT_ID,
                UUID.fromString("7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"), Money.of("50.00", "MXN"),
                Money.of("47.90", "MXN"), "cart-55821", ANA, T.plusSeconds(10 * 86_400)));
        samples.put(EventCatalog.typeOf(StoreCreditExpired.class), new StoreCreditExpired(ACCOUNT_ID,
                UUID.fromString("8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a"), CREDIT_ENTRY_ID, Money.of("47.90", "MXN"),
                Money.of("0.00", "MXN"), ANA, Instant.parse("2027-11-23T16:31:00Z")));
        samples.put(EventCatalog.typeOf(RefundFailed.class), new RefundFailed(REFUND_ID, UUID.fromString(
                "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), "BR-55021", Money.of("1299.00", "BRL"),
                "card account closed", new CustomerContact("cust-88", "joao.silva@example.com.br", "pt-BR", "BR"),
                T.plusSeconds(60)));
        samples.put(EventCatalog.typeOf(CustomerNotified.class), new CustomerNotified(NOTIFICATION_ID, RETURN_ID, "email",
                "return-approved", "es", "ana.lopez@example.mx", "1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b",
                T.plusSeconds(5)));
        StorefrontOrder madrid = new StorefrontOrder("ES-7781", "cust-301", "lucia.garcia@example.es", "es-ES", "ES",
                "EUR", List.of(new OrderLine("L1", "SKU-DRESS-38", "Vestido de punto", "apparel", 1,
                        Money.of("59.95", "EUR"), false, "PROD-DRESS-KNIT", true),
                new OrderLine("L2", "SKU-SOCKS", "Calcetines (pack 3)", "underwear", 1, Money.of("9.99", "EUR"), true)),
                Instant.parse("2026-11-01T10:00:00Z"), null, null);
        samples.put("storefront.order.placed", new StorefrontOrderEvent("evt-placed-7781",
                StorefrontOrderEvent.ORDER_PLACED, madrid.placedAt(), madrid));
        StorefrontOrder delivered = new StorefrontOrder(madrid.orderId(), madrid.customerId(), madrid.email(),
                madrid.locale(), madrid.country(), madrid.currency(), madrid.lines(), madrid.placedAt(),
                Instant.parse("2026-11-04T17:20:00Z"), null);
        samples.put("storefront.order.delivered", new StorefrontOrderEvent("evt-delivered-7781",
                StorefrontOrderEvent.ORDER_DELIVERED, delivered.deliveredAt(), delivered));
        StorefrontOrder cancelled = new StorefrontOrder(madrid.orderId(), madrid.customerId(), madrid.email(),
                madrid.locale(), madrid.country(), madrid.currency(), madrid.lines(), madrid.placedAt(), null,
                Instant.parse("2026-11-01T12:00:00Z"));
        samples.put("storefront.order.cancelled", new StorefrontOrderEvent("evt-cancelled-7781",
                StorefrontOrderEvent.ORDER_CANCELLED, cancelled.cancelledAt(), cancelled));
        // A guest checkout whose storefront knows no locale: the contract allows both nulls.
        StorefrontOrder guest = new StorefrontOrder("BR-90210", null, "convidado@example.com.br", null, "BR", "BRL",
                List.of(new OrderLine("L1", "SKU-TENIS-40", "Tênis de corrida", "footwear", 1,
                        Money.of("399.90", "BRL"), false)),
                Instant.parse("2026-11-02T13:00:00Z"), Instant.parse("2026-11-06T18:45:00Z"), null);
        samples.put("storefront.order.delivered-guest", new StorefrontOrderEvent("evt-delivered-90210",
                StorefrontOrderEvent.ORDER_DELIVERED, guest.deliveredAt(), guest));
        samples.put("storefront.inventory.level", new InventoryLevel("inv-20261121-000417", "SKU-SNK-28",
                "PROD-SNK-URBAN", "Tenis urbanos — 28", 12, Money.of("1299.00", "MXN"),
                Instant.parse("2026-11-21T09:15:00Z")));
        samples.put("storefront.exchange.reserved", new ExchangeAnswer("xch-evt-5521", ExchangeAnswer.RESERVED,
                RETURN_ID, "L2", "SKU-SNK-28", "res-88123", null, T.plusSeconds(30)));
        samples.put("storefront.exchange.rejected", new ExchangeAnswer("xch-evt-5522", ExchangeAnswer.REJECTED,
                RETURN_ID, "L2", "SKU-SNK-28", null, "out_of_stock", T.plusSeconds(30)));
        return samples;
    }
}
