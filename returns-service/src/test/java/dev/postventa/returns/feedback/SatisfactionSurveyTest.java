package dev.postventa.returns.feedback;

import static dev.postventa.infra.Callers.asOps;
import static dev.postventa.infra.Callers.management;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.postventa.events.CustomerContact;
import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.credit.StoreCreditIssued;
import dev.postventa.events.refunds.RefundIssued;
import dev.postventa.events.returns.FeedbackReceived;
import dev.postventa.events.returns.FeedbackRequested;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.PostventaTestResource;
import dev.postventa.returns.Orders;
import dev.postventa.returns.ReturnsTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The satisfaction survey end to end on the real broker, database and relay: a settled return gets one survey link,
 * the link is answered once (also under concurrency), tokens are checked, and the answers feed the KPIs.
 */
@QuarkusTest
@QuarkusTestResource(value = PostventaTestResource.class, initArgs = @ResourceArg(name = "database", value = "returns"))
class SatisfactionSurveyTest extends ReturnsTestSupport {

    private static final CustomerContact ANA = new CustomerContact("cust-42", "ana@example.mx", "es-MX", "MX");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSettledReturnGetsOneSurveyAnsweredOnceWithItsReasonsAndCategoriesAndForgedOrExpiredLinksFail() throws Exception {
        String orderId = deliveredOrder();
        String refunded = twoLineReturn(orderId);
        String credited = postReturn(returnBody(deliveredOrder(), Orders.SNEAKERS, 1, "DEFECTIVE"), null)
                .statusCode(201).extract().path("id");
        double npsBefore = feedbackCounter("NPS", "promoter");

        // The refund, delivered twice (same event id), then store credit for the same return: one survey.
        String refundEventId = UUID.randomUUID().toString();
        RefundIssued refund = new RefundIssued(UUID.randomUUID(), UUID.fromString(refunded), orderId,
                Money.of("10.00", "MXN"), "ref", ANA, Instant.now());
        send(Topics.REFUNDS, refund.refundId().toString(), refundEventId, refund);
        send(Topics.REFUNDS, refund.refundId().toString(), refundEventId, refund);
        send(Topics.STORE_CREDIT, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                credit(UUID.fromString(refunded)));
        // Only store credit for the other return.
        send(Topics.STORE_CREDIT, UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                credit(UUID.fromString(credited)));

        FeedbackRequested survey = onlyEvent(refunded, FeedbackRequested.class);
        FeedbackRequested creditSurvey = firstEvent(credited, FeedbackRequested.class);
        assertThat(count("select count(*) from feedback_survey where return_id = ?::uuid", refunded)).isEqualTo(1);
        String rma = asOps().get("/returns/" + refunded).then().extract().path("rmaNumber");
        assertThat(survey.rmaNumber()).isEqualTo(rma).startsWith("RMA-");
        assertThat(survey.customer().email()).isEqualTo("ana@example.mx");
        assertThat(survey.surveyUrl()).matches("http://localhost:\\d+/surveys/v1\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(survey.expiresAt())
                .isEqualTo(survey.requestedAt().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
        assertThat(creditSurvey.surveyUrl()).isNotEqualTo(survey.surveyUrl());
        String token = tokenOf(survey);

        // The link opens the survey without a bearer token; it shows the RMA number, not the return's id.
        given().get("/surveys/" + token).then().statusCode(200)
                .body("rmaNumber", equalTo(rma))
                .body("kinds", contains("NPS", "CSAT"))
                .body("answered", equalTo(false))
                .body("expiresAt", equalTo(survey.expiresAt().toString()))
                .body("$", not(hasKey("returnId"))).body("$", not(hasKey("orderId")));

        // Ten answers at once: exactly one is stored.
        List<Integer> statuses = parallelAnswers(token, 10);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(9);
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid", refunded)).isEqualTo(1);
        // Stored as JSON arrays, which the KPI query expands (a JSON string holding the array would break it).
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid and reasons = ?::jsonb"
                + " and categories = ?::jsonb", refunded, "[\"SIZE_TOO_SMALL\", \"DAMAGED\"]",
                "[\"apparel\", \"footwear\"]")).isEqualTo(1);
        FeedbackReceived received = onlyEvent(refunded, FeedbackReceived.class);
        assertThat(received.kind()).isEqualTo("NPS");
        assertThat(received.score()).isEqualTo(9);
        assertThat(received.comment()).isEqualTo("rápido y claro");
        assertThat(received.reasons()).containsExactly("SIZE_TOO_SMALL", "DAMAGED");
        assertThat(received.categories()).containsExactly("apparel", "footwear");
        assertThat(received.orderId()).isEqualTo(orderId);

        given().get("/surveys/" + token).then().statusCode(200).body("answered", equalTo(true));
        answer(token, "{\"kind\": \"CSAT\", \"score\": 5}").statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("already-answered"));
        assertThat(feedbackCounter("NPS", "promoter") - npsBefore).isEqualTo(1.0);

        // Field by field, before anything is stored; then a valid CSAT with a blank comment (stored as none).
        String creditToken = tokenOf(creditSurvey);
        answer(creditToken, "{\"kind\": \"NPS\", \"score\": 11}").statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("score"))
                .body("violations[0].message", equalTo("must be between 0 and 10 for NPS"));
        answer(creditToken, "{\"kind\": \"CSAT\", \"score\": 0}").statusCode(422)
                .body("violations.field", contains("score"));
        answer(creditToken, "{\"score\": 3, \"comment\": \"" + "x".repeat(2001) + "\"}").statusCode(422)
                .body("violations.field", contains("kind", "comment"));
        answer(creditToken, "{\"kind\": \"STARS\", \"score\": 3}").statusCode(422)
                .body("violations.field", contains("kind"));
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid", credited)).isZero();
        answer(creditToken, "{\"kind\": \"CSAT\", \"score\": 4, \"comment\": \"   \"}").statusCode(201)
                .body("kind", equalTo("CSAT")).body("score", equalTo(4)).body("comment", equalTo(null))
                .body("rmaNumber", equalTo(creditSurvey.rmaNumber()));
        assertThat(firstEvent(credited, FeedbackReceived.class).categories()).containsExactly("footwear");

        tokensAreCheckedBeforeAnything(credited);
    }

    /** Forged, tampered, malformed or unknown-return tokens are 404, an expired one 410; an old secret still works. */
    private static void tokensAreCheckedBeforeAnything(String returnId) {
        List<String> secrets = Arrays.asList(config("postventa.survey.token-secrets").split(","));
        String valid = new SurveyTokens(secrets).sign(UUID.fromString(returnId), Instant.now().plusSeconds(3600));
        String[] parts = valid.split("\\.");
        String forged = new SurveyTokens(List.of("guessed-secret")).sign(UUID.fromString(returnId),
                Instant.now().plusSeconds(3600));
        String tampered = parts[0] + "." + parts[1] + "." + (parts[2].startsWith("A") ? "B" : "A")
                + parts[2].substring(1);
        // Signed with the older secret: still valid (rotation).
        String oldSecret = new SurveyTokens(List.of(secrets.get(1))).sign(UUID.fromString(returnId),
                Instant.now().plusSeconds(3600));

        for (String unknown : List.of(forged, tampered, "not-a-token", new SurveyTokens(secrets)
                .sign(UUID.randomUUID(), Instant.now().plusSeconds(3600)))) {
            given().get("/surveys/" + unknown).then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("no such survey"));
            answer(unknown, "{\"kind\": \"NPS\", \"score\": 10}").statusCode(404);
        }
        given().get("/surveys/" + oldSecret).then().statusCode(200).body("answered", equalTo(true));

        String expired = new SurveyTokens(secrets).sign(UUID.fromString(returnId), Instant.now().minusSeconds(60));
        given().get("/surveys/" + expired).then().statusCode(410).contentType("application/problem+json")
                .body("type", endsWith("survey-expired"));
        answer(expired, "{\"kind\": \"NPS\", \"score\": 10}").statusCode(410);
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid", returnId)).isEqualTo(1);
    }

    @Test
    void aBrowserGetsTheSurveyAsAPageInTheCustomersLanguageAndAnswersItWithItsForm() throws Exception {
        String returnId = postReturn(returnBody(deliveredOrder(), Orders.SHIRT, 1, "DAMAGED"), null)
                .statusCode(201).extract().path("id");
        String rma = asOps().get("/returns/" + returnId).then().extract().path("rmaNumber");
        List<String> secrets = Arrays.asList(config("postventa.survey.token-secrets").split(","));
        String token = new SurveyTokens(secrets).sign(UUID.fromString(returnId), Instant.now().plusSeconds(3600));

        // The order's locale is es-MX: the page is in Spanish whatever the browser says; it shows the RMA number and
        // the 0–10 question, is never cached, framed or referred from, and posts only back to itself.
        String page = browser().header("Accept-Language", "en-US,en;q=0.9").get("/surveys/" + token).then()
                .statusCode(200).contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertThat(page).contains("<html lang=\"es\">", "¿Qué tal fue tu devolución?", rma,
                "name=\"score\" value=\"0\"", "name=\"score\" value=\"10\"", "<form method=\"post\">")
                .doesNotContain(returnId);

        // A score out of range: the form again, with what is wrong and the comment as typed, escaped.
        String again = browserForm().formParam("score", "11").formParam("comment", "<script>alert(1)</script>")
                .post("/surveys/" + token).then().statusCode(422).contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(again).contains("Elige una calificación del 0 al 10.", "&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid", returnId)).isZero();

        // Answered: thanks, stored once with its event; the link then says it was answered, and a second post is 409.
        assertThat(browserForm().formParam("kind", "NPS").formParam("score", "9").formParam("comment", " muy rápido ")
                .post("/surveys/" + token).then().statusCode(201).contentType(startsWith("text/html"))
                .extract().asString()).contains("¡Gracias! Recibimos tu respuesta.", rma);
        FeedbackReceived received = onlyEvent(returnId, FeedbackReceived.class);
        assertThat(received.kind()).isEqualTo("NPS");
        assertThat(received.score()).isEqualTo(9);
        assertThat(received.comment()).isEqualTo("muy rápido");
        assertThat(browser().get("/surveys/" + token).then().statusCode(200).extract().asString())
                .contains("Esta encuesta ya fue respondida.").doesNotContain("<form");
        browserForm().formParam("score", "3").post("/surveys/" + token).then().statusCode(409)
                .contentType(startsWith("text/html"));
        assertThat(count("select count(*) from feedback_answer where return_id = ?::uuid and score = 9", returnId))
                .isEqualTo(1);

        // Links that are not ours or no longer valid: a page too, in the browser's language (no return is known).
        String forged = new SurveyTokens(List.of("guessed-secret")).sign(UUID.fromString(returnId),
                Instant.now().plusSeconds(3600));
        assertThat(browser().header("Accept-Language", "pt-BR,pt;q=0.9").get("/surveys/" + forged).then()
                .statusCode(404).contentType(startsWith("text/html")).extract().asString())
                .contains("<html lang=\"pt-BR\">", "Não encontramos esta pesquisa.").doesNotContain(rma);
        String expired = new SurveyTokens(secrets).sign(UUID.fromString(returnId), Instant.now().minusSeconds(60));
        assertThat(browser().get("/surveys/" + expired).then().statusCode(410).extract().asString())
                .contains("This survey is no longer available.");
        browserForm().formParam("score", "10").post("/surveys/" + expired).then().statusCode(410);
        // The API is unchanged for everyone else.
        given().accept(ContentType.JSON).get("/surveys/" + token).then().statusCode(200)
                .contentType(startsWith("application/json")).body("answered", equalTo(true));
    }

    /** What a browser sends when it opens a link. */
    private static io.restassured.specification.RequestSpecification browser() {
        return given().header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    }

    /** What a browser sends when it posts the page's form. */
    private static io.restassured.specification.RequestSpecification browserForm() {
        return browser().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Test
    void kpisGiveExactScoresOfTheAnswersOfTheirRange() throws Exception {
        // Answers on two days of their own, long ago, so no other test's answers fall in the range (and before the
        // days ReturnKpisTest seeds returns on, from 1990).
        String orderId = deliveredOrder();
        LocalDate day = LocalDate.of(1960, 1, 1).plusDays(2 * ThreadLocalRandom.current().nextInt(5_000));
        Instant t = day.atStartOfDay().toInstant(java.time.ZoneOffset.UTC).plusSeconds(3600);
        seedAnswer(orderId, "NPS", 10, "SIZE_TOO_SMALL", "apparel", t, null);
        seedAnswer(orderId, "NPS", 9, "SIZE_TOO_SMALL", "apparel", t.plusSeconds(1), "muy bien");
        seedAnswer(orderId, "NPS", 9, "SIZE_TOO_SMALL", "apparel", t.plusSeconds(2), null);
        seedAnswer(orderId, "NPS", 8, "SIZE_TOO_SMALL\",\"DAMAGED", "apparel", t.plusSeconds(3), null);
        seedAnswer(orderId, "NPS", 5, "DAMAGED", "footwear", t.plusSeconds(4), "lento");
        seedAnswer(orderId, "NPS", 0, "DAMAGED", "footwear", t.plusSeconds(86_400), "nunca más");
        seedAnswer(orderId, "CSAT", 5, "SIZE_TOO_SMALL", "apparel", t.plusSeconds(5), null);
        seedAnswer(orderId, "CSAT", 4, "DAMAGED", "footwear", t.plusSeconds(6), null);
        seedAnswer(orderId, "CSAT", 2, "DAMAGED", "footwear", t.plusSeconds(7), null);

        JsonNode feedback = kpis("from=" + day + "&to=" + day.plusDays(2)).get("feedback");
        assertThat(feedback.get("nps").toString())
                .isEqualTo("{\"answers\":6,\"promoters\":3,\"passives\":1,\"detractors\":2,\"score\":16.7}");
        assertThat(feedback.get("csat").toString())
                .isEqualTo("{\"answers\":3,\"average\":3.67,\"satisfiedPercent\":66.7}");
        assertThat(feedback.get("byDay").toString()).isEqualTo("[" + String.join(",",
                group(day.toString(), nps(5, 3, 1, 1, "40.0"), csat(3, "3.67", "66.7")),
                group(day.plusDays(1).toString(), nps(1, 0, 0, 1, "-100.0"), csat(0, null, null))) + "]");
        assertThat(feedback.get("byReason").toString()).isEqualTo("[" + String.join(",",
                group("DAMAGED", nps(3, 0, 1, 2, "-66.7"), csat(2, "3.0", "50.0")),
                group("SIZE_TOO_SMALL", nps(4, 3, 1, 0, "75.0"), csat(1, "5.0", "100.0"))) + "]");
        assertThat(feedback.get("byCategory").toString()).isEqualTo("[" + String.join(",",
                group("apparel", nps(4, 3, 1, 0, "75.0"), csat(1, "5.0", "100.0")),
                group("footwear", nps(2, 0, 0, 2, "-100.0"), csat(2, "3.0", "50.0"))) + "]");
        // Newest first, only answers with a comment, with the RMA number to look the return up.
        assertThat(feedback.get("comments").findValuesAsText("comment"))
                .containsExactly("nunca más", "lento", "muy bien");
        assertThat(feedback.at("/comments/0/kind").asText()).isEqualTo("NPS");
        assertThat(feedback.at("/comments/0/score").asInt()).isZero();
        assertThat(feedback.at("/comments/0/rmaNumber").asText()).startsWith("RMA-SEED-");
        assertThat(feedback.at("/comments/0/receivedAt").asText()).isEqualTo(t.plusSeconds(86_400).toString());

        JsonNode before = kpis("from=" + day.minusDays(1) + "&to=" + day).get("feedback");
        assertThat(before.get("nps").toString())
                .isEqualTo("{\"answers\":0,\"promoters\":0,\"passives\":0,\"detractors\":0,\"score\":null}");
        assertThat(before.get("byDay").size()).isZero();
        assertThat(before.get("comments").size()).isZero();
    }

    // --- helpers

    private static String twoLineReturn(String orderId) {
        String body = """
                {"orderId": "%s", "lines": [{"lineId": "%s", "quantity": 1, "reason": "SIZE_TOO_SMALL"},
                 {"lineId": "%s", "quantity": 1, "reason": "DAMAGED"}]}""".formatted(orderId, Orders.SHIRT,
                Orders.SNEAKERS);
        return postReturn(body, null).statusCode(201).extract().path("id");
    }

    private static StoreCreditIssued credit(UUID returnId) {
        Money amount = Money.of("10.00", "MXN");
        return new StoreCreditIssued(UUID.randomUUID(), UUID.randomUUID(), returnId, "MX-1", amount,
                Money.of("0.00", "MXN"), amount, ANA, Instant.now().plus(Duration.ofDays(365)), Instant.now());
    }

    private static void send(String topic, String key, String eventId, Object event) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.sendCloudEvent(topic, key, eventId, EventCatalog.typeOf(event.getClass()), "refund-service",
                    EventJson.toBytes(event));
        }
    }

    /** Waits for the event of the return, then checks for a few seconds that no second one follows. */
    private static <E> E onlyEvent(String returnId, Class<E> type) {
        try (KafkaTestClient kafka = kafka()) {
            kafka.awaitRecords(Topics.RETURNS, r -> isA(r, returnId, type), 1, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> records = kafka.readAll(Topics.RETURNS, r -> isA(r, returnId, type),
                    Duration.ofSeconds(3));
            assertThat(records).as("%s of return %s", type.getSimpleName(), returnId).hasSize(1);
            return EventJson.fromBytes(records.get(0).value(), type);
        }
    }

    private static <E> E firstEvent(String returnId, Class<E> type) {
        try (KafkaTestClient kafka = kafka()) {
            return EventJson.fromBytes(kafka.awaitRecords(Topics.RETURNS, r -> isA(r, returnId, type), 1,
                    Duration.ofSeconds(60)).get(0).value(), type);
        }
    }

    private static boolean isA(ConsumerRecord<String, byte[]> record, String returnId, Class<?> type) {
        return returnId.equals(record.key())
                && EventCatalog.typeOf(type).equals(KafkaTestClient.header(record, "ce_type"));
    }

    private static String tokenOf(FeedbackRequested survey) {
        return survey.surveyUrl().substring(survey.surveyUrl().lastIndexOf('/') + 1);
    }

    private static io.restassured.response.ValidatableResponse answer(String token, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/surveys/" + token).then();
    }

    private static List<Integer> parallelAnswers(String token, int callers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return answer(token, "{\"kind\": \"NPS\", \"score\": 9, \"comment\": \"  rápido y claro \"}")
                            .extract().statusCode();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A return of its own (seeded: the KPI reads only the answer's row) answered at {@code at}. */
    private static void seedAnswer(String orderId, String kind, int score, String reasons, String category,
                                   Instant at, String comment) {
        UUID id = UUID.randomUUID();
        execute("""
                INSERT INTO return_request (id, order_id, customer_id, email, locale, country, status, lines,
                    rma_number, created_at, updated_at)
                VALUES ('%s', '%s', 'c', 'e@example.mx', 'es-MX', 'MX', 'RESOLVED', '[]'::jsonb, 'RMA-SEED-%s', '%s', '%s')
                """.formatted(id, orderId, id, at, at));
        execute("""
                INSERT INTO feedback_answer (return_id, kind, score, comment, reasons, categories, received_at)
                VALUES ('%s', '%s', %d, %s, '["%s"]'::jsonb, '["%s"]'::jsonb, '%s')
                """.formatted(id, kind, score, comment == null ? "NULL" : "'" + comment + "'", reasons, category, at));
    }

    private static JsonNode kpis(String query) throws Exception {
        return JSON.readTree(asOps().get("/ops/kpis?" + query).then().statusCode(200).extract().asString());
    }

    private static String group(String key, String nps, String csat) {
        return "{\"key\":\"%s\",\"nps\":%s,\"csat\":%s}".formatted(key, nps, csat);
    }

    private static String nps(long answers, long promoters, long passives, long detractors, String score) {
        return "{\"answers\":%d,\"promoters\":%d,\"passives\":%d,\"detractors\":%d,\"score\":%s}"
                .formatted(answers, promoters, passives, detractors, score);
    }

    private static String csat(long answers, String average, String satisfied) {
        return "{\"answers\":%d,\"average\":%s,\"satisfiedPercent\":%s}".formatted(answers, average, satisfied);
    }

    /** postventa_feedback_total of one kind and band on /q/metrics; 0 before the first answer. */
    private static double feedbackCounter(String kind, String band) {
        String body = management().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^postventa_feedback_total\\{[^}]*kind=\"" + kind
                + "\",score_band=\"" + band + "\"[^}]*} (\\S+)$").matcher(body);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
