package dev.postventa.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.storefront.OrderLine;
import dev.postventa.events.storefront.StorefrontOrder;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.FreePorts;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.localstack.LocalConsole;
import dev.postventa.localstack.LocalStack;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The local stack's ops page in a real headless Chromium (Debian's chromium + chromedriver): a stopped consumer's lag
 * rises on the page and falls back to zero after its restart; a poison message shows up in the dead-letter view and
 * can be parked; a replayed dead letter is reported and applied. Skipped, before anything starts, where Chromium is
 * not installed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Checked before any extension runs: without Chromium the class is skipped and no stack is started for it.
@EnabledIf(value = "chromiumInstalled", disabledReason = "Chromium not installed: apt-get install -y chromium chromium-driver")
@ExtendWith(SharedStack.class)
class OpsPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);
    /**
     * A CloudEvents type no service handles, from the topic's owner: consumed, skipped (visibly, by the inbox) and
     * committed, not dead-lettered.
     */
    private static final String IGNORED_TYPE = "dev.postventa.test.ops-page-ping";
    private static final String NOTIFICATIONS = "notification-service";

    private static LocalStack stack;
    private static LocalConsole console;
    private static ChromeDriver browser;
    private static Path profile;

    static boolean chromiumInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @BeforeAll
    static void startPlatformAndBrowser() throws Exception {
        stack = SharedStack.stack();
        console = new LocalConsole(stack, FreePorts.next()).start();

        // Selenium Manager never runs: both binaries are given, so nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("postventa-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,2600", "--user-data-dir=" + profile);
        browser = new ChromeDriver(options);
        browser.get("http://127.0.0.1:" + console.port() + "/ops");
    }

    @AfterAll
    static void stopAll() throws Exception {
        if (browser != null) {
            try {
                // For humans: what the page looked like at the end.
                Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
                Files.createDirectories(Path.of("target"));
                Files.copy(shot, Path.of("target", "ops-page.png"), StandardCopyOption.REPLACE_EXISTING);
            } finally {
                browser.quit();
            }
        }
        if (console != null) {
            console.close();
        }
        // The stack is shared with the other system tests (SharedStack) and stops with the JVM.
    }

    @Test
    @Order(1)
    void aStoppedConsumersLagRisesOnThePageAndFallsToZeroAfterItsRestart() {
        // notification-service's group consumes postventa.refunds: one record it skips gives the group an offset
        // there, so the broker has a committed offset to measure lag from.
        String key = "ops-page-" + System.nanoTime();
        int partition = ping(key, 1);
        awaitLagOnRefunds(partition, 0);
        assertThat(text("[data-group='" + NOTIFICATIONS + "'] [data-field='state']")).startsWith("Stable");

        stack.service(NOTIFICATIONS).stop();
        ping(key, 3);
        // Same key, same partition: the group is exactly 3 records behind there.
        awaitLagOnRefunds(partition, 3);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text("[data-group-total='" + NOTIFICATIONS + "']")).isEqualTo("3");
            assertThat(text("#relays tr[data-service='" + NOTIFICATIONS + "'] [data-field='ready']"))
                    .isEqualTo("unreachable");
        });

        stack.restart(NOTIFICATIONS);
        awaitLagOnRefunds(partition, 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                text("#relays tr[data-service='" + NOTIFICATIONS + "'] [data-field='ready']")).isEqualTo("UP"));
        assertThat(browser.findElements(By.cssSelector("#lag-chart .uplot"))).as("the lag chart is drawn").hasSize(1);
    }

    @Test
    @Order(2)
    void aPoisonMessageShowsUpInTheDeadLetterViewAndCanBeParked() {
        String key = "poison-ops-" + System.nanoTime();
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            kafka.send(Topics.STOREFRONT_ORDERS, key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        }

        String row = "tr[data-service='returns-service'][data-key='" + key + "']";
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text(row + " [data-field='state']")).isEqualTo("NEW");
            assertThat(text(row + " [data-field='reason']")).contains("StorefrontOrderEvent");
            assertThat(text(row + " [data-field='original']")).startsWith(Topics.STOREFRONT_ORDERS + " / ");
            assertThat(text(row + " [data-field='payload']")).isEqualTo("{not json");
        });
        String id = attribute(row, "data-dead-letter-id");

        click(row + " button[data-action='park']");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text("#dlq-result")).isEqualTo("returns-service: " + id + " is now PARKED");
            assertThat(text(row + " [data-field='state']")).isEqualTo("PARKED");
        });
        given().auth().oauth2(stack.opsToken(Duration.ofMinutes(5)))
                .get(stack.service("returns-service").url() + "/ops/dead-letters/" + id)
                .then().statusCode(200).body("state", org.hamcrest.Matchers.equalTo("PARKED"))
                .body("key", org.hamcrest.Matchers.equalTo(key));
    }

    /**
     * Replaying the poison message above would only dead-letter it again (it can never be decoded), so replay is
     * shown on a message that failed for a reason that has passed: a valid delivered order, dead-lettered as SmallRye
     * writes it (original coordinates and reason in dead-letter-* headers). Replayed from the page, returns-service
     * applies it: the customer can then prove the order is theirs.
     */
    @Test
    @Order(3)
    void aReplayedDeadLetterIsReportedOnThePageAndAppliedByTheService() {
        String orderId = "MX-OPS-" + System.nanoTime();
        String email = "ops+" + orderId.toLowerCase() + "@example.mx";
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            kafka.send(Topics.deadLetter("returns-service"), orderId, deliveredOrder(orderId, email), Map.of(
                    "dead-letter-reason", "order " + orderId + " arrived while the database was down",
                    "dead-letter-cause", "connection refused",
                    "dead-letter-exception-class-name", "java.net.ConnectException",
                    "dead-letter-topic", Topics.STOREFRONT_ORDERS,
                    "dead-letter-partition", "0",
                    "dead-letter-offset", "41"));
        }
        customerTokenStatus(orderId, email, 401, 404);

        String row = "tr[data-service='returns-service'][data-key='" + orderId + "']";
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text(row + " [data-field='state']")).isEqualTo("NEW");
            assertThat(text(row + " [data-field='original']")).isEqualTo(Topics.STOREFRONT_ORDERS + " / 0 @ 41");
        });
        String id = attribute(row, "data-dead-letter-id");
        click(row + " button[data-action='replay']");

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text("#dlq-result")).isEqualTo("returns-service: " + id + " is now REPLAYED");
            assertThat(text(row + " [data-field='state']")).isEqualTo("REPLAYED");
        });
        // Processed: the order reached returns-service, so the order-number + email exchange now answers.
        await().atMost(WAIT).untilAsserted(() -> customerTokenStatus(orderId, email, 200));
    }

    private static void customerTokenStatus(String orderId, String email, Integer... expected) {
        int status = given().contentType(ContentType.JSON).body(Map.of("orderId", orderId, "email", email))
                .post(stack.service("returns-service").url() + "/customer-tokens").statusCode();
        assertThat(status).isIn((Object[]) expected);
    }

    private static byte[] deliveredOrder(String orderId, String email) {
        Instant placed = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant delivered = placed.plus(3, ChronoUnit.DAYS);
        StorefrontOrder order = new StorefrontOrder(orderId, "cust-ops", email, "es-MX", "MX", "MXN", List.of(
                new OrderLine("L1", "SKU-SHIRT-M", "Camisa de lino", "apparel", 1, Money.of("499.90", "MXN"), false)),
                placed, delivered, null);
        return EventJson.toBytes(new StorefrontOrderEvent(orderId + "-d", StorefrontOrderEvent.ORDER_DELIVERED,
                delivered, order));
    }

    /**
     * {@code count} records of a type no service handles, on a topic notification-service consumes; answers the
     * partition they went to (one key, one partition).
     */
    private static int ping(String key, int count) {
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            for (int i = 0; i < count; i++) {
                kafka.sendCloudEvent(Topics.REFUNDS, key, IGNORED_TYPE, "refund-service", "{}".getBytes(
                        StandardCharsets.UTF_8));
            }
            return kafka.awaitRecords(Topics.REFUNDS, r -> key.equals(r.key()), 1, WAIT).get(0).partition();
        }
    }

    /** The page shows notification-service's group {@code lag} records behind on that partition of the topic. */
    private static void awaitLagOnRefunds(int partition, int lag) {
        String cell = "td.lag[data-group='" + NOTIFICATIONS + "'][data-topic='" + Topics.REFUNDS
                + "'][data-partition='" + partition + "']";
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(attribute(cell, "data-lag")).as(cell).isEqualTo(String.valueOf(lag));
            assertThat(text(cell)).isEqualTo(String.valueOf(lag));
        });
    }

    /**
     * The text of the first element matching {@code css}; fails (and Awaitility retries) while there is none, or
     * when the page redrew it between finding and reading (it redraws a section when its data changes).
     */
    private static String text(String css) {
        return attribute(css, null);
    }

    /** An attribute of the first element matching {@code css} (its text when {@code name} is null), as above. */
    private static String attribute(String css, String name) {
        List<WebElement> found = browser.findElements(By.cssSelector(css));
        assertThat(found).as("elements matching %s", css).isNotEmpty();
        try {
            return name == null ? found.get(0).getText().strip() : found.get(0).getAttribute(name);
        } catch (StaleElementReferenceException redrawn) {
            throw new AssertionError(css + " was redrawn while read", redrawn);
        }
    }

    /** Clicks the first element matching {@code css}, again if the page redrew it first (a stale click did nothing). */
    private static void click(String css) {
        await().atMost(WAIT).ignoreException(StaleElementReferenceException.class).untilAsserted(() ->
                browser.findElement(By.cssSelector(css)).click());
    }
}
