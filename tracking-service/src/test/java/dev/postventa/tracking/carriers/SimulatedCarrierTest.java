package dev.postventa.tracking.carriers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.tracking.carriers.CarrierPort.ReturnLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The simulated carrier honours idempotency keys like a real one: one label per key, however often asked. */
class SimulatedCarrierTest {

    final SimulatedCarrier carrier = new SimulatedCarrier();

    @Test
    void theSameKeyGetsTheSameLabelAndIsChargedOnce() {
        ReturnLabel first = carrier.createReturnLabel("key-1", "RMA-1", "MX").await().indefinitely();
        ReturnLabel again = carrier.createReturnLabel("key-1", "RMA-1", "MX").await().indefinitely();

        assertThat(again).isEqualTo(first);
        assertThat(first.trackingNumber()).matches("SIMMX\\d{12}");
        assertThat(first.labelUrl()).isEqualTo("https://labels.simulated-carrier.invalid/" + first.trackingNumber()
                + ".pdf");
        assertThat(carrier.callsFor("key-1")).isEqualTo(2);
        assertThat(carrier.labelsIssuedFor("key-1")).isEqualTo(1);
    }

    @Test
    void anIssuedLabelIsVoidedIdempotentlyAndOneNeverIssuedIsRefused() {
        ReturnLabel label = carrier.createReturnLabel("key-v", "RMA-V", "BR").await().indefinitely();

        carrier.voidLabel("key-v", label.trackingNumber()).await().indefinitely();
        carrier.voidLabel("key-v", label.trackingNumber()).await().indefinitely();
        // Another instance (a restart) still knows its label by the key it derives it from.
        new SimulatedCarrier().voidLabel("key-v", label.trackingNumber()).await().indefinitely();

        assertThat(carrier.isVoided(label.trackingNumber())).isTrue();
        assertThat(carrier.voidRequestsFor(label.trackingNumber())).isEqualTo(2);
        assertThatThrownBy(() -> carrier.voidLabel("key-v", "SIMBR000000000001").await().indefinitely())
                .isInstanceOf(LabelRefusedException.class);
        assertThatThrownBy(() -> carrier.voidLabel("key-other", label.trackingNumber()).await().indefinitely())
                .isInstanceOf(LabelRefusedException.class);
        assertThat(carrier.isVoided("SIMBR000000000001")).isFalse();
    }

    @Test
    void theLabelIsDerivedFromTheKeyAlone() {
        ReturnLabel here = carrier.createReturnLabel("key-2", "RMA-2", "MX").await().indefinitely();
        ReturnLabel elsewhere = new SimulatedCarrier().createReturnLabel("key-2", "RMA-2", "MX").await().indefinitely();
        ReturnLabel other = carrier.createReturnLabel("key-3", "RMA-2", "MX").await().indefinitely();

        assertThat(elsewhere).isEqualTo(here);
        assertThat(other.trackingNumber()).isNotEqualTo(here.trackingNumber());
        assertThat(carrier.labelsIssuedFor("key-3")).isEqualTo(1);
        assertThat(carrier.callsFor("never-asked")).isZero();
        assertThat(carrier.labelsIssuedFor("never-asked")).isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyIssueOneLabel() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ReturnLabel>> answers = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            answers.add(pool.submit(() -> {
                start.await();
                // The synchronous core: Mutiny's context propagation does not like a cold start on 8 threads at once.
                return carrier.issue("key-4", "CO");
            }));
        }
        start.countDown();
        Set<ReturnLabel> labels = ConcurrentHashMap.newKeySet();
        for (Future<ReturnLabel> answer : answers) {
            labels.add(answer.get(10, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(labels).hasSize(1);
        assertThat(carrier.callsFor("key-4")).isEqualTo(32);
        assertThat(carrier.labelsIssuedFor("key-4")).isEqualTo(1);
    }

    @Test
    void aCountryItDoesNotServeIsRefusedForGoodAndIssuesNothing() {
        assertThatThrownBy(() -> carrier.createReturnLabel("key-5", "RMA-5", "Mexico").await().indefinitely())
                .isInstanceOf(LabelRefusedException.class).hasMessageContaining("Mexico");
        assertThat(carrier.callsFor("key-5")).isEqualTo(1);
        assertThat(carrier.labelsIssuedFor("key-5")).isZero();
    }
}
