package dev.postventa.bench;

import dev.postventa.infra.PostgresServer;
import dev.postventa.localstack.LocalStack;

/**
 * Where the system under test is: the four services' URLs, Kafka, and the PostgreSQL server their databases live on
 * (the baseline inserts go to a database of their own on that same server). {@code stack} is set only when the
 * benchmark started the local stack itself: only then can it restart a service and read its memory.
 */
public record Target(String returnsUrl, String trackingUrl, String refundUrl, String notificationUrl,
                     String kafkaBootstrap, String postgresHost, int postgresPort, String postgresUser,
                     String postgresPassword, String webhookSecret, LocalStack stack) {

    public static Target of(LocalStack stack) {
        return new Target(stack.service("returns-service").url(), stack.service("tracking-service").url(),
                stack.service("refund-service").url(), stack.service("notification-service").url(),
                stack.bootstrapServers(), stack.postgres().host(), stack.postgres().port(), PostgresServer.USER,
                PostgresServer.PASSWORD, LocalStack.LOCAL_WEBHOOK_SECRET, stack);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }
}
