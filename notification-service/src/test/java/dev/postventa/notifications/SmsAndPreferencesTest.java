package dev.postventa.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.postventa.infra.Callers.anonymous;
import static dev.postventa.infra.Callers.asCustomerOf;
import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.asStorefront;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.ReturnInTransit;
import dev.postventa.events.returns.ReturnRejected;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.infra.ServiceDatabase;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.infra.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Customers choose their channels, opt out of non-essential messages and set quiet hours; essential messages reach
 * them by email and SMS through a stub of Twilio's Messages API (real Kafka, PostgreSQL and SMTP).
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
@QuarkusTestResource(SmtpTestResource.class)
@QuarkusTestResource(TwilioStub.class)
class SmsAndPreferencesTest extends KafkaPerTestClass {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");

    @Test
    void preferencesAreTheCustomersOwnAndCheckedFieldByField() {
        Customer c = knownCustomer();

        anonymous().get("/preferences").then().statusCode(401);
        asStorefront().get("/preferences").then().statusCode(403);
        asOps().contentType("application/json").body(Map.of("channels", List.of("email"), "optOutNonEssential", true))
                .put("/preferences").then().statusCode(403);
        asCustomerOf("MX-nobody-" + UUID.randomUUID()).get("/preferences").then().statusCode(404)
                .header("Content-Type", startsWith("application/problem+json"));
        asCustomerOf(c.order).get("/preferences").then().statusCode(200)
                .body("channels", equalTo(List.of("email"))).body("optOutNonEssential", equalTo(false))
                .body("quietHours", nullValue());

        asCustomerOf(c.order).contentType("application/json")
                .body(Map.of("channels", List.of("fax"), "phone", "5512345678",
                        "quietHours", Map.of("from", "25:00", "to", "08:00")))
                .put("/preferences").then().statusCode(400)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations.field", containsInAnyOrder("channels", "phone", "optOutNonEssential",
                        "quietHours.from"));
        asCustomerOf(c.order).contentType("application/json")
                .body(Map.of("channels", List.of("sms"), "optOutNonEssential", false))
                .put("/preferences").then().statusCode(422)
                .header("Content-Type", startsWith("application/problem+json"))
                .body("violations[0].field", equalTo("phone"));

        Map<String, Object> chosen = Map.of("channels", List.of("sms", "email"), "phone", c.phone,
                "optOutNonEssential", true, "quietHours", Map.of("from", "21:00", "to", "08:00"));
        for (int i = 0; i < 2; i++) { // saving the same choice again changes nothing
            asCustomerOf(c.order).contentType("application/json").body(chosen).put("/preferences").then()
                    .statusCode(200).body("channels", equalTo(List.of("email", "sms")));
        }
        asCustomerOf(c.order).get("/preferences").then().statusCode(200)
                .body("channels", equalTo(List.of("email", "sms"))).body("phone", equalTo(c.phone))
                .body("optOutNonEssential", equalTo(true))
                .body("quietHours.from", equalTo("21:00")).body("quietHours.to", equalTo("08:00"));
        asOps().queryParam("customerId", c.id).get("/preferences").then().statusCode(200)
                .body("phone", equalTo(c.phone));
        asOps().get("/preferences").then().statusCode(400);
    }

    @Test
    void anEssentialMessageGoesByEmailAndBySmsWithTwiliosFormAndBasicAuth() {
        Customer c = knownCustomer();
        choose(c, List.of("email", "sms"), false, null);
        accept(c.phone);

        UUID returnId = UUID.randomUUID();
        rejected(returnId, c);

        inbox().awaitMessages(m -> m.to().contains(c.email) && m.subject().contains("no fue aprobada"), 1, WAIT);
        awaitSms(returnId, "SENT");
        List<LoggedRequest> requests = requestsTo(c.phone);
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getHeader("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((TwilioStub.ACCOUNT_SID + ":test-auth-token").getBytes(StandardCharsets.UTF_8)));
        assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = form(request.getBodyAsString());
        assertThat(form).containsOnlyKeys("To", "From", "Body").containsEntry("To", c.phone)
                .containsEntry("From", "+15005550006");
        assertThat(form.get("Body")).isEqualTo(smsSubject(returnId)).isNotBlank();
        assertThat(attempts(returnId, "sms")).containsExactly("SENT");
    }

    @Test
    void aProviderOutageIsRetriedUntilOneSmsIsAccepted() {
        Customer c = knownCustomer();
        choose(c, List.of("sms"), false, null);
        String scenario = "outage-" + c.phone;
        TwilioStub.server().stubFor(post(urlPathEqualTo(TwilioStub.MESSAGES_PATH))
                .withRequestBody(containing(encoded(c.phone))).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":20500,\"message\":\"Internal Server Error\",\"status\":500}")));
        TwilioStub.server().stubFor(post(urlPathEqualTo(TwilioStub.MESSAGES_PATH))
                .withRequestBody(containing(encoded(c.phone))).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(created()));

        UUID returnId = UUID.randomUUID();
        refundIssued(returnId, c);

        awaitSms(returnId, "SENT");
        assertThat(attempts(returnId, "sms")).containsExactly("FAILED", "SENT");
        assertThat(requestsTo(c.phone)).hasSize(2);
        // An essential message goes by email too, even to a customer who chose SMS only.
        inbox().awaitMessages(m -> m.to().contains(c.email), 2, WAIT);
    }

    @Test
    void aNumberTheProviderRefusesIsGivenUpAtOnce() {
        Customer c = knownCustomer();
        choose(c, List.of("email", "sms"), false, null);
        TwilioStub.server().stubFor(post(urlPathEqualTo(TwilioStub.MESSAGES_PATH))
                .withRequestBody(containing(encoded(c.phone)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":21211,\"message\":\"The 'To' number " + c.phone
                                + " is not a valid phone number.\",\"more_info\":"
                                + "\"https://www.twilio.com/docs/errors/21211\",\"status\":400}")));

        UUID returnId = UUID.randomUUID();
        rejected(returnId, c);

        awaitSms(returnId, "FAILED");
        assertThat(ServiceDatabase.count("select count(*) from notification where return_id = ? and channel = 'sms' "
                + "and failure_reason like '%21211%'", returnId)).isEqualTo(1);
        assertThat(attempts(returnId, "sms")).containsExactly("FAILED");
        assertThat(ServiceDatabase.count("select count(*) from pending_effect e join notification n "
                + "on e.effect_key = n.id::text where e.kind = 'sms' and e.status = 'PENDING' and n.return_id = ?",
                returnId)).isZero();
        assertThat(requestsTo(c.phone)).hasSize(1);
        awaitEmail(returnId, "SENT");
    }

    @Test
    void anOptedOutCustomerGetsTheEssentialMessageButNotTheOthers() {
        Customer c = knownCustomer();
        choose(c, List.of("email"), true, null);

        UUID returnId = UUID.randomUUID();
        String transitEvent = inTransit(returnId, c);
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from inbox_message where event_id = ?", transitEvent) == 1);
        refundIssued(returnId, c);

        awaitEmail(returnId, "SENT");
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ?",
                transitEvent)).isZero();
        asOps().queryParam("returnId", returnId.toString()).get("/notifications").then().statusCode(200)
                .body("template", equalTo(List.of("refund-issued")));
    }

    @Test
    void aNonEssentialMessageInsideQuietHoursWaitsForTheirEndAndAnEssentialOneDoesNot() throws SQLException {
        Customer c = knownCustomer();
        ZonedDateTime now = ZonedDateTime.now(MEXICO);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String from = now.minusHours(1).format(hhmm);
        String to = now.plusHours(2).format(hhmm);
        choose(c, List.of("email"), false, Map.of("from", from, "to", to));

        UUID returnId = UUID.randomUUID();
        String transitEvent = inTransit(returnId, c);
        UUID rejectedReturn = UUID.randomUUID();
        rejected(rejectedReturn, c);

        // The essential message goes out at once; the transit update waits, owed, until the quiet hours end.
        awaitEmail(rejectedReturn, "SENT");
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from notification where causation_event_id = ?", transitEvent) == 1);
        ZonedDateTime end = now.with(LocalTime.parse(to)).withSecond(0).withNano(0);
        if (!end.isAfter(now)) {
            end = end.plusDays(1);
        }
        assertThat(dueAt(transitEvent)).isEqualTo(end.toInstant());
        assertThat(ServiceDatabase.count("select count(*) from notification where causation_event_id = ? "
                + "and status = 'PENDING'", transitEvent)).isEqualTo(1);
    }

    // --- the customer and their choices

    record Customer(String id, String order, String email, String phone) {
        CustomerContact contact() {
            return new CustomerContact(id, email, "es-MX", "MX");
        }
    }

    /** A customer whose order the service learned from an event (a transit update, sent by email as no choice exists). */
    private static Customer knownCustomer() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Customer c = new Customer("cust-sms-" + suffix, "MX-S-" + suffix, "sms+" + suffix + "@example.mx",
                "+5255" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)));
        inTransit(UUID.randomUUID(), c);
        await().atMost(WAIT).until(() -> ServiceDatabase.count(
                "select count(*) from order_customer where order_id = ? and customer_key = ?", c.order, c.id) == 1);
        return c;
    }

    private static void choose(Customer c, List<String> channels, boolean optOut, Map<String, String> quietHours) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("channels", channels, "phone", c.phone,
                "optOutNonEssential", optOut));
        if (quietHours != null) {
            body.put("quietHours", quietHours);
        }
        asCustomerOf(c.order).contentType("application/json").body(body).put("/preferences").then().statusCode(200);
    }

    // --- events

    private static String inTransit(UUID returnId, Customer c) {
        return publish(Topics.RETURNS, returnId, ReturnInTransit.class, "returns-service",
                new ReturnInTransit(returnId, c.order, "RMA-SMS-1", "SIMMX1", c.contact(), Instant.now()));
    }

    private static void rejected(UUID returnId, Customer c) {
        publish(Topics.RETURNS, returnId, ReturnRejected.class, "returns-service",
                new ReturnRejected(returnId, c.order, c.contact(), List.of(), "fuera de plazo", Instant.now()));
    }

    private static void refundIssued(UUID returnId, Customer c) {
        UUID refundId = UUID.randomUUID();
        publish(Topics.REFUNDS, refundId, RefundIssued.class, "refund-service", new RefundIssued(refundId, returnId,
                c.order, Money.of("499.90", "MXN"), "sim_re_sms", c.contact(), Instant.now()));
    }

    private static String publish(String topic, UUID key, Class<?> type, String source, Object event) {
        String eventId = UUID.randomUUID().toString();
        kafka().sendCloudEvent(topic, key.toString(), eventId, EventCatalog.typeOf(type), source,
                EventJson.toBytes(event));
        return eventId;
    }

    // --- what the customer got

    private static void accept(String phone) {
        TwilioStub.server().stubFor(post(urlPathEqualTo(TwilioStub.MESSAGES_PATH))
                .withRequestBody(containing(encoded(phone))).willReturn(created()));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created() {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                        + "\",\"status\":\"queued\",\"account_sid\":\"" + TwilioStub.ACCOUNT_SID + "\"}");
    }

    private static List<LoggedRequest> requestsTo(String phone) {
        return TwilioStub.server().findAll(postRequestedFor(urlPathEqualTo(TwilioStub.MESSAGES_PATH))
                .withRequestBody(containing(encoded(phone))));
    }

    private static String encoded(String phone) {
        return "To=" + java.net.URLEncoder.encode(phone, StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        return Arrays.stream(body.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                kv -> URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
    }

    /** The SMS text is the email's subject: the one stored with the return's email. */
    private static String smsSubject(UUID returnId) {
        return asOps().queryParam("returnId", returnId.toString()).get("/notifications").then().statusCode(200)
                .extract().path("find { it.channel == 'email' }.subject");
    }

    private static void awaitSms(UUID returnId, String status) {
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from notification "
                + "where return_id = ? and channel = 'sms' and status = ?", returnId, status) == 1);
    }

    private static void awaitEmail(UUID returnId, String status) {
        await().atMost(WAIT).until(() -> ServiceDatabase.count("select count(*) from notification "
                + "where return_id = ? and channel = 'email' and status = ?", returnId, status) == 1);
    }

    private static List<String> attempts(UUID returnId, String channel) {
        return asOps().queryParam("returnId", returnId.toString()).get("/notifications").then().statusCode(200)
                .extract().path("find { it.channel == '" + channel + "' }.attempts.outcome");
    }

    private static Instant dueAt(String causationEventId) throws SQLException {
        try (Connection connection = ServiceDatabase.connect(); PreparedStatement s = connection.prepareStatement(
                "select e.due_at from pending_effect e join notification n on e.effect_key = n.id::text "
                        + "where n.causation_event_id = ?")) {
            s.setString(1, causationEventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static SmtpInbox inbox() {
        return SmtpTestResource.inbox();
    }
}
