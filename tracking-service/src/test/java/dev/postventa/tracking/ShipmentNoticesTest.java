package dev.postventa.tracking;

import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.tracking.ReturnShipmentsTest.SECRET;
import static dev.postventa.tracking.ReturnShipmentsTest.cancel;
import static dev.postventa.tracking.ReturnShipmentsTest.post;
import static dev.postventa.tracking.ReturnShipmentsTest.scan;
import static dev.postventa.tracking.ReturnShipmentsTest.shipmentFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.ReturnedLine;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ReturnApproved;
import dev.postventa.events.shipments.ReturnLabelReminderDue;
import dev.postventa.events.shipments.ReturnShipmentException;
import dev.postventa.events.shipments.ReturnShipmentStalled;
import dev.postventa.events.shipments.ShipmentStatus;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.tracking.notices.ShipmentNoticeDetector;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Customers are told before they ask (issue 11 §2): a shipment past the stall SLA of its status emits one
 * {@code ReturnShipmentStalled} (whatever the refreshes, runs or replicas) until a new scan ends the stall; an exception
 * scan emits one {@code ReturnShipmentException} of its kind; a label unused past the reminder period (5 days, the
 * default) emits one {@code ReturnLabelReminderDue}; a cancelled shipment gets nothing. Rows are made old in the
 * database, as in {@link StalledShipmentsTest}; the detector runs every second in the test profile.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "tracking"))
class ShipmentNoticesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Long enough for several refreshes (1s each) to have run after the awaited event. */
    private static final Duration SEVERAL_REFRESHES = Duration.ofSeconds(4);

    @Inject
    ShipmentNoticeDetector detector;

    @Test
    void aStallIsToldOnceWhateverRunsConcurrentlyAndANewScanEndsIt() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(scan(UUID.randomUUID().toString(), tracking, "in_transit", now, "CDMX"), SECRET).statusCode(202);
        Instant receivedAt = now.minus(4, ChronoUnit.DAYS);
        makeScansOld(tracking, receivedAt);

        // Two replicas' detectors at once (and the scheduled one besides): the row lock lets one emit.
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> runs = List.of(runAfter(start, replicas), runAfter(start, replicas));
            start.countDown();
            // Each run reports what it emitted: together at most the one (the scheduled run may have been first).
            assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).isBetween(0, 1);
        } finally {
            replicas.shutdown();
        }

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnShipmentStalled stalled = payload(kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> is(r, ReturnShipmentStalled.class, returnId), 1, WAIT).get(0), ReturnShipmentStalled.class);
            assertThat(stalled.status()).isEqualTo(ShipmentStatus.IN_TRANSIT);
            assertThat(stalled.trackingNumber()).isEqualTo(tracking);
            assertThat(stalled.carrier()).isEqualTo("simulated");
            assertThat(stalled.lastMovementAt()).isEqualTo(receivedAt);
            assertThat(stalled.threshold()).isEqualTo("PT72H");
            assertThat(stalled.customer().email()).isEqualTo("ana@example.mx");
            // Every later refresh finds it told.
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnShipmentStalled.class, returnId),
                    SEVERAL_REFRESHES)).hasSize(1);
            assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ? "
                    + "and stall_notified_at is not null", returnId)).isEqualTo(1);

            // A new scan: moving again, the stall is over ...
            post(scan(UUID.randomUUID().toString(), tracking, "in_transit", now, "QRO"), SECRET).statusCode(202);
            assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ? "
                    + "and stall_notified_at is null", returnId)).isEqualTo(1);
            // ... and when it stops again, the new stall is told.
            makeScansOld(tracking, now.minus(3, ChronoUnit.DAYS).minus(1, ChronoUnit.HOURS));
            assertThat(kafka.awaitRecords(Topics.SHIPMENTS, r -> is(r, ReturnShipmentStalled.class, returnId), 2,
                    WAIT)).hasSize(2);
        }
    }

    @Test
    void anExceptionScanIsToldOnceWithItsKindEvenWhenTheWebhookIsRedelivered() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String returned = scan("rts-" + returnId, tracking, "return_to_sender", now, "QRO");
        post(returned, SECRET).statusCode(202);
        post(returned, SECRET).statusCode(200);
        post(scan("att-" + returnId, tracking, "failed_attempt", now.plusSeconds(60), "QRO"), SECRET)
                .statusCode(202);
        // An ordinary scan is no exception.
        post(scan("tr-" + returnId, tracking, "in_transit", now.plusSeconds(120), "QRO"), SECRET).statusCode(202);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.awaitRecords(Topics.SHIPMENTS, r -> is(r, ReturnShipmentException.class, returnId), 2, WAIT);
            List<ReturnShipmentException> exceptions = kafka.readAll(Topics.SHIPMENTS,
                            r -> is(r, ReturnShipmentException.class, returnId), Duration.ofSeconds(2)).stream()
                    .map(r -> payload(r, ReturnShipmentException.class)).toList();
            // Same key, same partition: in the order they were recorded.
            assertThat(exceptions).extracting(ReturnShipmentException::kind).containsExactly(
                    ReturnShipmentException.RETURNED_TO_SENDER, ReturnShipmentException.FAILED_PICKUP);
            assertThat(exceptions.get(0).carrierStatus()).isEqualTo("return_to_sender");
            assertThat(exceptions.get(0).scannedAt()).isEqualTo(now);
            assertThat(exceptions.get(0).trackingNumber()).isEqualTo(tracking);
            assertThat(exceptions.get(0).customer().email()).isEqualTo("ana@example.mx");
        }
    }

    @Test
    void anUnusedLabelIsRemindedOnceAndThenToldAsStalled() {
        UUID returnId = UUID.randomUUID();
        String tracking = shipmentFor(returnId);
        Instant labelAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(6, ChronoUnit.DAYS);
        makeLabelOld(tracking, labelAt);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnLabelReminderDue reminder = payload(kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> is(r, ReturnLabelReminderDue.class, returnId), 1, WAIT).get(0), ReturnLabelReminderDue.class);
            assertThat(reminder.trackingNumber()).isEqualTo(tracking);
            assertThat(reminder.rmaNumber()).isEqualTo("RMA-TEST-1");
            assertThat(reminder.labelUrl()).endsWith(tracking + ".pdf");
            assertThat(reminder.labelCreatedAt()).isEqualTo(labelAt);
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnLabelReminderDue.class, returnId),
                    SEVERAL_REFRESHES)).hasSize(1);
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnShipmentStalled.class, returnId),
                    Duration.ofSeconds(1))).isEmpty();

            // Past 7 days it is stalled: told once more, as a stall, and never reminded again.
            makeLabelOld(tracking, labelAt.minus(2, ChronoUnit.DAYS));
            ReturnShipmentStalled stalled = payload(kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> is(r, ReturnShipmentStalled.class, returnId), 1, WAIT).get(0), ReturnShipmentStalled.class);
            assertThat(stalled.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
            assertThat(stalled.threshold()).isEqualTo("PT168H");
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnLabelReminderDue.class, returnId),
                    Duration.ofSeconds(2))).hasSize(1);
        }
    }

    @Test
    void aCancelledShipmentIsNeverToldStalledNorReminded() throws Throwable {
        UUID cancelledReturn = UUID.randomUUID();
        String cancelled = shipmentFor(cancelledReturn);
        cancel(cancelledReturn, UUID.randomUUID().toString(), cancelled);
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from shipment where return_id = ? and cancelled_at is not null", cancelledReturn) == 1);
        UUID otherReturn = UUID.randomUUID();
        String other = shipmentFor(otherReturn);
        Instant longAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(8, ChronoUnit.DAYS);
        makeLabelOld(cancelled, longAgo);
        makeLabelOld(other, longAgo);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            // The other, as old, is told: the detector has seen both ...
            kafka.awaitRecords(Topics.SHIPMENTS, r -> is(r, ReturnShipmentStalled.class, otherReturn), 1, WAIT);
            // ... and after one more full run, the cancelled one still has nothing.
            VertxContextSupport.subscribeAndAwait(detector::run);
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> (is(r, ReturnShipmentStalled.class, cancelledReturn)
                    || is(r, ReturnLabelReminderDue.class, cancelledReturn)), Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ? and stall_notified_at "
                + "is null and label_reminded_at is null", cancelledReturn)).isEqualTo(1);
    }

    @Test
    void aStricterSlaOfTheCarrierAndCountryStallsOneOfTwoEquallyQuietShipments() throws Throwable {
        // The test profile's rule simulated:AR:IN_TRANSIT=PT24H; Mexico keeps the global 72h.
        UUID argentine = UUID.randomUUID();
        UUID mexican = UUID.randomUUID();
        String strict = shipmentWith(argentine, "AR", null);
        String global = shipmentWith(mexican, "MX", null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post(scan(UUID.randomUUID().toString(), strict, "in_transit", now, "Rosario"), SECRET).statusCode(202);
        post(scan(UUID.randomUUID().toString(), global, "in_transit", now, "QRO"), SECRET).statusCode(202);
        Instant quietSince = now.minus(30, ChronoUnit.HOURS);
        makeScansOld(strict, quietSince);
        makeScansOld(global, quietSince);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnShipmentStalled stalled = payload(kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> is(r, ReturnShipmentStalled.class, argentine), 1, WAIT).get(0), ReturnShipmentStalled.class);
            assertThat(stalled.threshold()).isEqualTo("PT24H");
            assertThat(stalled.lastMovementAt()).isEqualTo(quietSince);
            assertThat(stalled.customer().country()).isEqualTo("AR");
            // One more full run after it: the Mexican shipment, as quiet, is within its 72 hours.
            VertxContextSupport.subscribeAndAwait(detector::run);
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnShipmentStalled.class, mexican),
                    Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(ServiceDatabase.count("select count(*) from shipment where return_id = ? and stall_sla = 'PT72H' "
                + "and stall_notified_at is null", mexican)).isEqualTo(1);
    }

    @Test
    void aLabelWhoseShipByIsNearIsRemindedBeforeTheFixedPeriod() throws Throwable {
        // Ship by tomorrow: due 2 days before it (LABEL_REMINDER_LEAD), long before the 5 days after the label.
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant shipBy = now.plus(1, ChronoUnit.DAYS);
        UUID nearReturn = UUID.randomUUID();
        UUID laterReturn = UUID.randomUUID();
        String near = shipmentWith(nearReturn, "MX", shipBy);
        String later = shipmentWith(laterReturn, "MX", null);
        // Both labels are two days old: past the minimum age (24h), under the fixed 5 days.
        Instant labelAt = now.minus(2, ChronoUnit.DAYS);
        makeLabelOld(near, labelAt);
        makeLabelOld(later, labelAt);

        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            ReturnLabelReminderDue reminder = payload(kafka.awaitRecords(Topics.SHIPMENTS,
                    r -> is(r, ReturnLabelReminderDue.class, nearReturn), 1, WAIT).get(0),
                    ReturnLabelReminderDue.class);
            assertThat(reminder.shipBy()).isEqualTo(shipBy);
            assertThat(reminder.labelCreatedAt()).isEqualTo(labelAt);
            assertThat(reminder.trackingNumber()).isEqualTo(near);
            VertxContextSupport.subscribeAndAwait(detector::run);
            assertThat(kafka.readAll(Topics.SHIPMENTS, r -> is(r, ReturnLabelReminderDue.class, laterReturn),
                    Duration.ofSeconds(2))).isEmpty();
        }
    }

    /** Approves a return shipped from {@code country} with a ship-by time (or none) and waits for its label. */
    private static String shipmentWith(UUID returnId, String country, Instant shipBy) {
        ReturnApproved approved = new ReturnApproved(returnId, "MX-1001", "RMA-TEST-1",
                new CustomerContact("cust-1", "ana@example.mx", "es-MX", country),
                List.of(new ReturnedLine("L1", "SKU-1", "Camisa", 1, Money.of("499.90", "MXN"), "DAMAGED")),
                Instant.now(), false, shipBy);
        try (KafkaTestClient kafka = ServiceDatabase.kafka()) {
            kafka.sendCloudEvent(Topics.RETURNS, returnId.toString(), UUID.randomUUID().toString(),
                    EventCatalog.typeOf(ReturnApproved.class), "returns-service", EventJson.toBytes(approved));
        }
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from shipment where return_id = ? and label_state = 'CREATED'", returnId) == 1);
        return asOps().queryParam("returnId", returnId.toString()).when().get("/shipments").then()
                .statusCode(200).extract().path("[0].trackingNumber");
    }

    private CompletableFuture<Integer> runAfter(CountDownLatch start, ExecutorService executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return VertxContextSupport.subscribeAndAwait(detector::run);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }, executor);
    }

    /** Our receipt time of every scan of the shipment, set back. */
    private static void makeScansOld(String tracking, Instant receivedAt) {
        Aging.scansReceivedAt(tracking, receivedAt);
    }

    /**
     * The label (status_at while unscanned: our label time) made at {@code at}. created_at is left as it is: the
     * operators' KPIs select by it, and {@link StalledShipmentsTest} counts exactly the shipments of its own days.
     */
    private static void makeLabelOld(String tracking, Instant at) {
        Aging.labelMadeAt(tracking, at);
    }

    private static boolean is(ConsumerRecord<String, byte[]> record, Class<?> type, UUID returnId) {
        if (!EventCatalog.typeOf(type).equals(KafkaTestClient.header(record, "ce_type"))) {
            return false;
        }
        return returnId.toString().equals(EventJson.fromBytes(record.value(), JsonNode.class).path("returnId").asText());
    }

    private static <T> T payload(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return EventJson.fromBytes(record.value(), type);
    }
}
