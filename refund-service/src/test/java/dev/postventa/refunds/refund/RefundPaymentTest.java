package dev.postventa.refunds.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.refunds.payments.PaymentRefusedException;
import dev.postventa.refunds.payments.ProviderRefund;
import dev.postventa.refunds.payments.RefundOrder;
import dev.postventa.refunds.payments.TransientPaymentException;
import dev.postventa.support.effect.Attempt;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** How the refund-payment effect calls the provider, without infrastructure. */
class RefundPaymentTest {

    private static final String REFUND_ID = "6b1f4c1e-8d0a-4c55-9d7e-0e5a1c9b2f10";

    private final List<RefundOrder> calls = new ArrayList<>();
    private final RefundPayment payment = new RefundPayment(order -> {
        calls.add(order);
        return Uni.createFrom().item(new ProviderRefund(order.orderId().startsWith("NOREF-") ? " " : "sim_re_1"));
    }, null, Clock.systemUTC(), new SimpleMeterRegistry());

    @Test
    void theProviderIsAskedToPayTheScheduledOrderUnderTheRefundId() {
        ProviderRefund answer = payment.perform(attempt(REFUND_ID, """
                {"idempotencyKey":"%s","orderId":"MX-1001","amount":{"amount":"150.0000","currency":"MXN"}}"""
                .formatted(REFUND_ID))).await().indefinitely();

        assertThat(answer.reference()).isEqualTo("sim_re_1");
        assertThat(calls).containsExactly(new RefundOrder(REFUND_ID, "MX-1001", Money.of("150.00", "MXN")));
    }

    @Test
    void anOrderOfAnotherRefundIsNeverPaid() {
        String payload = EventJson.toJson(new RefundOrder(UUID.randomUUID().toString(), "MX-1001",
                Money.of("150.00", "MXN")));

        assertThatThrownBy(() -> payment.perform(attempt(REFUND_ID, payload)).await().indefinitely())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("carries the order of refund");
        assertThat(calls).isEmpty();
    }

    @Test
    void anAnswerWithoutAReferenceIsAFailedAttemptNotAnOutcome() {
        String payload = EventJson.toJson(new RefundOrder(REFUND_ID, "NOREF-1", Money.of("150.00", "MXN")));

        assertThatThrownBy(() -> payment.perform(attempt(REFUND_ID, payload)).await().indefinitely())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("without a reference");
        assertThat(payment.isPermanent(new IllegalStateException("the payment provider answered without a reference")))
                .as("retried, then an unknown outcome").isFalse();
    }

    @Test
    void onlyARefusalIsPermanent() {
        assertThat(payment.isPermanent(new PaymentRefusedException("card account closed"))).isTrue();
        assertThat(payment.isPermanent(new TransientPaymentException("timeout"))).isFalse();
        assertThat(payment.isPermanent(new TimeoutException())).isFalse();
        assertThat(payment.isPermanent(new IllegalStateException("unexpected answer"))).isFalse();
    }

    private static Attempt attempt(String key, String payload) {
        return new Attempt(UUID.randomUUID(), RefundPayment.KIND, key, payload, 1);
    }
}
