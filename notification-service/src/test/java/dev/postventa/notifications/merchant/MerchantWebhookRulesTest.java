package dev.postventa.notifications.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.events.Topics;
import dev.postventa.support.problem.Problem;
import dev.postventa.support.problem.ProblemException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pure rules of merchant webhooks: subscription checks, the body, which answers are retried. */
class MerchantWebhookRulesTest {

    static final Set<String> TYPES = MerchantWebhooks.subscribableTypes(
            List.of(Topics.SHIPMENTS, Topics.RETURNS, Topics.REFUNDS, Topics.STORE_CREDIT));
    static final String APPROVED = "postventa.return.approved.v1";

    @Test
    void everyTypeOfTheConsumedTopicsIsSubscribableAndNothingElse() {
        assertThat(TYPES).contains(APPROVED, "postventa.shipment.created.v1", "postventa.refund.issued.v1",
                "postventa.store-credit.issued.v1", "postventa.return.feedback-received.v1")
                .doesNotContain("postventa.notification.sent.v1");
    }

    @Test
    void httpsIsRequiredExceptForTheInsecureHosts() {
        assertThat(check("https://erp.example/hooks?x=1").url()).isEqualTo("https://erp.example/hooks?x=1");
        assertThat(check("http://LOCALHOST:8080/h").url()).isEqualTo("http://LOCALHOST:8080/h");
        assertThat(fields("http://erp.example/hooks")).containsExactly("url");
        assertThat(fields("ftp://localhost/hooks")).containsExactly("url");
        assertThat(fields("https://user:pw@erp.example/hooks")).containsExactly("url");
        assertThat(fields("/relative/hooks")).containsExactly("url");
        assertThat(fields("https://erp.example/" + "a".repeat(1990))).containsExactly("url");
        assertThat(fields("not a url")).containsExactly("url");
    }

    @Test
    void noSubscriptionReachesIntoAPrivateOrLocalNetwork() {
        for (String url : List.of("https://localhost/h", "https://api.localhost/h", "https://127.0.0.1/h",
                "https://10.0.0.5/h", "https://172.16.4.2/h", "https://192.168.1.10/h", "https://169.254.169.254/x",
                "https://100.64.1.1/h", "https://0.0.0.0/h", "https://[::1]/h", "https://[fd12::1]/h",
                "https://[fe80::1]/h", "https://[::ffff:10.0.0.1]/h", "https://224.0.0.1/h")) {
            assertThatThrownBy(() -> SubscriptionRules.check(new SubscriptionRequest(url, List.of(APPROVED), null),
                    List.of(), TYPES)).as(url).isInstanceOfSatisfying(ProblemException.class, e ->
                    assertThat(e.toProblem("/").violations()).extracting(Problem.FieldViolation::message)
                            .containsExactly(MerchantAddresses.REFUSED));
        }
        assertThat(SubscriptionRules.check(new SubscriptionRequest("https://203.0.113.10/h", List.of(APPROVED),
                null), List.of(), TYPES).url()).isEqualTo("https://203.0.113.10/h");
        // A developer's receiver: the configured insecure hosts are exempt.
        assertThat(check("https://127.0.0.1:9999/h").url()).isEqualTo("https://127.0.0.1:9999/h");
    }

    @Test
    void aDeliveryIsRefusedWhenTheNameResolvesIntoAPrivateNetworkNow() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("93.184.216.34");
        InetAddress privateAddress = InetAddress.getByName("10.1.2.3");
        assertThat(MerchantAddresses.resolvedProblem("erp.example", List.of(publicAddress))).isEmpty();
        assertThat(MerchantAddresses.resolvedProblem("erp.example", List.of(publicAddress, privateAddress)))
                .hasValue("erp.example resolves to 10.1.2.3, which is in a private or local network");
        assertThat(MerchantAddresses.exempt("LOCALHOST", List.of("localhost"))).isTrue();
        assertThat(MerchantAddresses.exempt("erp.example", List.of("localhost"))).isFalse();
    }

    @Test
    void typesAreCatalogued_consumedHere_andNotRepeated() {
        assertThat(SubscriptionRules.check(new SubscriptionRequest("https://erp.example/h",
                List.of(APPROVED, APPROVED), null), List.of(), TYPES).eventTypes()).containsExactly(APPROVED);
        assertThatThrownBy(() -> SubscriptionRules.check(new SubscriptionRequest("https://erp.example/h",
                List.of(APPROVED, "nope.v1", "postventa.notification.sent.v1"), "x".repeat(501)), List.of(), TYPES))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem("/").violations())
                        .extracting(Problem.FieldViolation::field)
                        .containsExactly("eventTypes[1]", "eventTypes[2]", "description"));
    }

    @Test
    void theBodyCarriesTheEventBytesAsTheyWere() {
        byte[] data = "{\"returnId\":\"r-1\",  \"amount\":149.90}".getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookMessage.body(APPROVED, Instant.parse("2026-01-02T03:04:05Z"), data)).isEqualTo(
                "{\"type\":\"postventa.return.approved.v1\",\"timestamp\":\"2026-01-02T03:04:05Z\","
                        + "\"data\":{\"returnId\":\"r-1\",  \"amount\":149.90}}");
        assertThat(WebhookMessage.webhookId("e-1")).isEqualTo("msg_e-1");
    }

    @Test
    void onlyTransientAnswersAreRetried() {
        assertThat(MerchantWebhookSender.answer(200)).isEqualTo(200);
        assertThat(MerchantWebhookSender.answer(204)).isEqualTo(204);
        for (int transientStatus : new int[] {500, 503, 408, 429}) {
            assertThatThrownBy(() -> MerchantWebhookSender.answer(transientStatus))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("HTTP " + transientStatus);
        }
        for (int refused : new int[] {400, 401, 404, 410, 301, 302}) {
            assertThatThrownBy(() -> MerchantWebhookSender.answer(refused))
                    .isInstanceOf(WebhookRefusedException.class).hasMessageContaining("HTTP " + refused);
        }
        assertThat(MerchantWebhookDelivery.httpStatusIn("gave up after 6 attempts: HTTP 503 from the merchant's"))
                .isEqualTo(503);
        assertThat(MerchantWebhookDelivery.httpStatusIn("java.net.ConnectException")).isNull();
    }

    @Test
    void aSecretIsThirtyTwoRandomBytesInStandardWebhooksForm() {
        String secret = MerchantWebhooks.newSecret();
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(MerchantWebhooks.newSecret()).isNotEqualTo(secret);
    }

    private static SubscriptionRequest check(String url) {
        return SubscriptionRules.check(new SubscriptionRequest(url, List.of(APPROVED), null),
                List.of("localhost", "127.0.0.1"), TYPES);
    }

    private static List<String> fields(String url) {
        try {
            check(url);
            return List.of();
        } catch (ProblemException e) {
            return e.toProblem("/").violations().stream().map(Problem.FieldViolation::field).toList();
        }
    }
}
