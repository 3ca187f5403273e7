package dev.postventa.localstack.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.postventa.events.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack's ops page ({@code /ops}) and the JSON it reads ({@code /ops/api/...}): consumer-group lag from the
 * broker, relay state per service, dead letters with replay and park, and the KPIs, proxied to the services with an
 * operator token the stack mints.
 *
 * <p>The page is exactly as open as the console it is mounted on: the console listens on 127.0.0.1 only, like the
 * mailbox, and is a local development tool. The browser never sees the operator token. Two cheap guards keep other
 * web pages out: the Host header must name the loopback (no DNS rebinding), and every POST must carry
 * {@code X-Postventa-Ops: 1}, a header a cross-site form cannot send.
 */
public final class OpsConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsConsole.class);
    /** Every call to the broker or a service is bounded: a dead service never blocks the console. */
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final String RESOURCES = "/dev/postventa/localstack/ops/";
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";
    private static final Map<String, String[]> ASSETS = Map.of(
            "ops.js", new String[] {RESOURCES + "ops.js", "text/javascript; charset=utf-8"},
            "ops.css", new String[] {RESOURCES + "ops.css", "text/css; charset=utf-8"},
            "uPlot.iife.min.js", new String[] {UPLOT + "uPlot.iife.min.js", "text/javascript; charset=utf-8"},
            "uPlot.min.css", new String[] {UPLOT + "uPlot.min.css", "text/css; charset=utf-8"});
    private static final Pattern DEAD_LETTER_PATH =
            Pattern.compile("^/ops/api/dead-letters/([a-z-]+)(|/replay-all|/[0-9]+-[0-9]+(?:/replay|/park)?)$");
    private static final Pattern DAY = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

    private final List<String> services;
    private final Function<String, String> apiUrl;
    private final Function<String, String> managementUrl;
    private final ConsumerGroupLagReader lag;
    private final RelayStatusReader relays;
    private final ServiceProxy proxy;

    /**
     * @param services      service names, in the order the page lists them
     * @param apiUrl        service name → its API base URL
     * @param managementUrl service name → its management interface base URL
     * @param opsToken      mints an operator token for the proxied calls
     */
    public OpsConsole(String bootstrapServers, List<String> services, Function<String, String> apiUrl,
                      Function<String, String> managementUrl, Supplier<String> opsToken) {
        this.services = List.copyOf(services);
        this.apiUrl = apiUrl;
        this.managementUrl = managementUrl;
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        this.lag = new ConsumerGroupLagReader(bootstrapServers, TIMEOUT);
        this.relays = new RelayStatusReader(http, TIMEOUT);
        this.proxy = new ServiceProxy(http, TIMEOUT, opsToken);
    }

    /** Mounts the page and its API on {@code server} (which should have an executor: calls wait on services). */
    public OpsConsole mount(HttpServer server) {
        server.createContext("/ops", exchange -> guarded(exchange, this::route));
        return this;
    }

    @Override
    public void close() {
        lag.close();
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/ops") || path.equals("/ops/")) {
            asset(exchange, RESOURCES + "ops.html", "text/html; charset=utf-8");
        } else if (path.startsWith("/ops/assets/") && ASSETS.containsKey(path.substring("/ops/assets/".length()))) {
            String[] asset = ASSETS.get(path.substring("/ops/assets/".length()));
            asset(exchange, asset[0], asset[1]);
        } else if (path.equals("/ops/api/groups") && method.equals("GET")) {
            groups(exchange);
        } else if (path.equals("/ops/api/relays") && method.equals("GET")) {
            Map<String, String> urls = new LinkedHashMap<>();
            services.forEach(s -> urls.put(s, managementUrl.apply(s)));
            json(exchange, 200, EventJson.toJson(relays.read(urls)));
        } else if ((path.equals("/ops/api/kpis") || path.equals("/ops/api/kpis/shipments")) && method.equals("GET")) {
            kpis(exchange, path.endsWith("/shipments") ? "tracking-service" : "returns-service",
                    path.endsWith("/shipments") ? "/ops/kpis/shipments" : "/ops/kpis");
        } else if (path.startsWith("/ops/api/dead-letters/")) {
            deadLetters(exchange, path, method);
        } else {
            problem(exchange, 404, "Not found", "no such ops page resource: " + path);
        }
    }

    private void groups(HttpExchange exchange) throws IOException {
        try {
            json(exchange, 200, EventJson.toJson(lag.read()));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            problem(exchange, 502, "Kafka did not answer", "consumer groups: " + e.getClass().getSimpleName());
        }
    }

    private void kpis(HttpExchange exchange, String service, String servicePath) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        StringBuilder pathAndQuery = new StringBuilder(servicePath);
        String separator = "?";
        for (String name : List.of("from", "to")) {
            String value = query.get(name);
            if (value != null) {
                if (!DAY.matcher(value).matches()) {
                    problem(exchange, 400, "Invalid date", name + " must be YYYY-MM-DD");
                    return;
                }
                pathAndQuery.append(separator).append(name).append('=').append(URLEncoder.encode(value,
                        StandardCharsets.UTF_8));
                separator = "&";
            }
        }
        forward(exchange, proxy.call(service, apiUrl.apply(service), pathAndQuery.toString(), null));
    }

    private void deadLetters(HttpExchange exchange, String path, String method) throws IOException {
        Matcher m = DEAD_LETTER_PATH.matcher(path);
        if (!m.matches() || !services.contains(m.group(1))) {
            problem(exchange, 404, "Not found", "no such service or dead-letter path: " + path);
            return;
        }
        String service = m.group(1);
        String rest = m.group(2);
        boolean action = rest.endsWith("/replay") || rest.endsWith("/park") || rest.equals("/replay-all");
        if (!method.equals(action ? "POST" : "GET")) {
            exchange.getResponseHeaders().set("Allow", action ? "POST" : "GET");
            problem(exchange, 405, "Method not allowed", (action ? "POST " : "GET ") + path);
            return;
        }
        byte[] body = action ? exchange.getRequestBody().readAllBytes() : null;
        ServiceProxy.Answer answer = proxy.call(service, apiUrl.apply(service), "/ops/dead-letters" + rest,
                action && rest.endsWith("/park") ? body : action ? new byte[0] : null);
        if (action) {
            LOG.info("ops page: POST {}/ops/dead-letters{} answered {}", service, rest, answer.status());
        }
        forward(exchange, answer);
    }

    /** Rejects what is not from a loopback page: another host name (DNS rebinding) or a cross-site POST. */
    private void guarded(HttpExchange exchange, Handler next) throws IOException {
        try {
            String host = exchange.getRequestHeaders().getFirst("Host");
            String hostName = host == null ? "" : host.replaceFirst(":\\d+$", "");
            if (!List.of("localhost", "127.0.0.1", "[::1]").contains(hostName)) {
                problem(exchange, 403, "Forbidden", "the ops page answers on localhost only");
                return;
            }
            if (exchange.getRequestMethod().equals("POST")
                    && !"1".equals(exchange.getRequestHeaders().getFirst("X-Postventa-Ops"))) {
                problem(exchange, 403, "Forbidden", "POST from the ops page only (header X-Postventa-Ops: 1)");
                return;
            }
            next.handle(exchange);
        } catch (RuntimeException e) {
            LOG.warn("ops page: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            problem(exchange, 500, "Ops page error", e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    @FunctionalInterface
    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return query;
    }

    private static void asset(HttpExchange exchange, String resource, String type) throws IOException {
        try (InputStream in = OpsConsole.class.getResourceAsStream(resource)) {
            if (in == null) {
                problem(exchange, 404, "Not found", resource + " is not in the jar");
                return;
            }
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, type, in.readAllBytes());
        }
    }

    private static void forward(HttpExchange exchange, ServiceProxy.Answer answer) throws IOException {
        send(exchange, answer.status(), answer.contentType(), answer.body());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        send(exchange, status, "application/problem+json", EventJson.toJson(Map.of("title", title, "status", status,
                "detail", detail)).getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }
}
