package dev.postventa.localstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.postventa.events.EventJson;
import dev.postventa.events.Topics;
import dev.postventa.events.UndecodableEventException;
import dev.postventa.events.storefront.StorefrontOrderEvent;
import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.SmtpInbox;
import dev.postventa.localstack.ops.OpsConsole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small web console for the local stack: the mailbox of every email the platform sent ({@code /} and
 * {@code /api/mail}), a storefront simulator that publishes order events to Kafka ({@code POST /storefront/orders}),
 * and the ops page ({@code /ops}, see {@link OpsConsole}).
 */
public final class LocalConsole implements AutoCloseable {

    private final HttpServer server;
    private final LocalStack stack;
    private final OpsConsole ops;
    /** The ops page waits on services (up to 2 s each): a few threads keep the mailbox answering meanwhile. */
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "postventa-console");
        thread.setDaemon(true);
        return thread;
    });

    public LocalConsole(LocalStack stack, int port) {
        this.stack = stack;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/mail", this::mailJson);
        server.createContext("/storefront/orders", this::publishOrder);
        server.createContext("/storefront/inventory", this::inventory);
        server.createContext("/", this::mailPage);
        server.setExecutor(executor);
        ops = new OpsConsole(stack.bootstrapServers(), LocalStack.START_ORDER, name -> stack.service(name).url(),
                name -> stack.service(name).managementUrl(), () -> stack.opsToken(Duration.ofMinutes(5)))
                .mount(server);
    }

    /** The port the console listens on (the one asked for, or the one picked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    public LocalConsole start() {
        server.start();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        ops.close();
    }

    private void mailJson(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", EventJson.toJson(stack.smtp().messages()));
    }

    private void mailPage(HttpExchange exchange) throws IOException {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html><head><meta charset="utf-8"><title>Postventa local mailbox</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:sans-serif;margin:2em}article{border:1px solid #ccc;padding:1em;margin:1em 0}
                pre{white-space:pre-wrap}</style></head><body><h1>Emails sent by Postventa</h1>""");
        var mails = stack.smtp().messages();
        if (mails.isEmpty()) {
            html.append("<p>No email yet. This page refreshes every 5 seconds.</p>");
        }
        for (int i = mails.size() - 1; i >= 0; i--) {
            SmtpInbox.Mail mail = mails.get(i);
            html.append("<article><h3>").append(escape(mail.subject())).append("</h3><p>To: ")
                    .append(escape(String.join(", ", mail.to()))).append(" &middot; ").append(mail.receivedAt())
                    .append("</p><pre>").append(escape(mail.body())).append("</pre></article>");
        }
        respond(exchange, 200, "text/html; charset=utf-8", html.append("</body></html>").toString());
    }

    private void publishOrder(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/json", "{\"detail\":\"POST a StorefrontOrderEvent\"}");
            return;
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        StorefrontOrderEvent event;
        try {
            event = EventJson.fromBytes(body, StorefrontOrderEvent.class);
        } catch (UndecodableEventException e) {
            respond(exchange, 400, "application/problem+json",
                    EventJson.toJson(Map.of("title", "Not a StorefrontOrderEvent", "status", 400, "detail", e.getMessage())));
            return;
        }
        if (event == null || event.order() == null || event.order().orderId() == null) {
            respond(exchange, 400, "application/problem+json",
                    "{\"title\":\"Not a StorefrontOrderEvent\",\"status\":400,\"detail\":\"order.orderId is required\"}");
            return;
        }
        try (KafkaTestClient kafka = new KafkaTestClient(stack.bootstrapServers())) {
            kafka.send(Topics.STOREFRONT_ORDERS, event.order().orderId(), body, Map.of());
        }
        respond(exchange, 202, "application/json", EventJson.toJson(Map.of("published", Topics.STOREFRONT_ORDERS,
                "key", event.order().orderId(), "eventId", String.valueOf(event.eventId()))));
    }

    /** GET: the simulated storefront's stock. POST an {@code InventoryLevel} (eventId/updatedAt optional): set it. */
    private void inventory(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            respond(exchange, 200, "application/json", EventJson.toJson(stack.storefront().stock()));
            return;
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "application/json", "{\"detail\":\"GET the stock or POST an InventoryLevel\"}");
            return;
        }
        StockChange change;
        try {
            change = EventJson.fromBytes(exchange.getRequestBody().readAllBytes(), StockChange.class);
        } catch (UndecodableEventException e) {
            respond(exchange, 400, "application/problem+json",
                    EventJson.toJson(Map.of("title", "Not a stock level", "status", 400, "detail", e.getMessage())));
            return;
        }
        if (change.sku() == null || change.name() == null || change.unitPrice() == null) {
            respond(exchange, 400, "application/problem+json",
                    "{\"title\":\"Not a stock level\",\"status\":400,\"detail\":\"sku, name and unitPrice are required\"}");
            return;
        }
        respond(exchange, 202, "application/json", EventJson.toJson(stack.storefront().putStock(change.sku(),
                change.productId(), change.name(), change.available(), change.unitPrice())));
    }

    /** What a merchant sets for a SKU in the simulator. */
    record StockChange(String sku, String productId, String name, int available, dev.postventa.events.Money unitPrice) {
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
