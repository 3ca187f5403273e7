package dev.postventa.localstack;

import java.time.Duration;
import java.util.Map;

/** What the local stack prints once it is up: where everything is, and a return to walk through by hand. */
final class Banner {

    private Banner() {
    }

    static String text(LocalStack stack, Map<String, Integer> ports, int consolePort) {
        StringBuilder out = new StringBuilder("\nPostventa is up.\n\n");
        ports.forEach((name, port) -> out.append(String.format("  %-21s http://localhost:%d   (management: "
                + "%s/q/swagger-ui, /q/health, /q/metrics)%n", name, port, stack.service(name).managementUrl())));
        out.append(String.format("  %-21s http://localhost:%d   (every email sent; JSON at /api/mail)%n", "mailbox",
                consolePort));
        out.append(String.format("  %-21s http://localhost:%d/ops   (consumer lag, relays, dead letters with replay, "
                + "KPIs)%n", "ops page", consolePort));
        out.append(String.format("  %-21s %s   PostgreSQL: localhost:%d (user postventa)%n%n", "Kafka",
                stack.bootstrapServers(), stack.postgres().port()));
        out.append("""
                Every API needs a bearer token (health and the carriers' signed webhooks excepted). Operations staff,
                valid 12 hours (a new one is printed at every start):

                  export OPS_TOKEN=%6$s

                Walk one return through the system (from another terminal, in the repository folder):

                  # 1. The storefront publishes a delivered order MX-1001 (3 lines, one of them final sale)
                  scripts/publish-order.sh MX-1001

                  # 2. The customer proves the order is theirs (order number + the order's email): a 30-minute token
                  export TOKEN=$(scripts/customer-token.sh MX-1001 ana.lopez@example.mx)

                  # 3. The customer returns 2 shirts and the sneakers (answer: the return with its RMA number)
                  curl -s -XPOST localhost:%2$d/returns -H "Authorization: Bearer $TOKEN" \\
                       -H 'content-type: application/json' -H 'Idempotency-Key: demo-MX-1001' \\
                       -d '{"orderId":"MX-1001","lines":[{"lineId":"L1","quantity":2,"reason":"SIZE_TOO_SMALL"},
                            {"lineId":"L2","quantity":1,"reason":"DEFECTIVE"}],"comment":"me quedó chica"}'

                  # 4. Its shipment (label, tracking number) appears a moment later
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:%3$d/shipments?returnId=<id from step 3>'

                  # 5. The carrier reports signed scans (Standard Webhooks, signed with the dev secret)
                  scripts/signed-scan.sh <tracking number> picked_up
                  scripts/signed-scan.sh <tracking number> delivered

                  # 6. Follow it: return history, refund, emails (the same token; or $OPS_TOKEN for any order)
                  curl -s -H "Authorization: Bearer $TOKEN" localhost:%2$d/returns/<id>
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:%4$d/refunds?returnId=<id>'
                  curl -s -H "Authorization: Bearer $TOKEN" 'localhost:%5$d/notifications?returnId=<id>'
                  (or open the mailbox at http://localhost:%1$d)

                Ctrl-C stops everything; data and dev keys stay in .postventa/ for the next start.
                """.formatted(consolePort, ports.get("returns-service"), ports.get("tracking-service"),
                ports.get("refund-service"), ports.get("notification-service"), stack.opsToken(Duration.ofHours(12))));
        return out.toString();
    }
}
