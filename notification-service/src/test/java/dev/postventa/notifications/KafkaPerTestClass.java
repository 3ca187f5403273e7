package dev.postventa.notifications;

import dev.postventa.infra.KafkaTestClient;
import dev.postventa.infra.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;

/**
 * One Kafka client (and so one producer) for a whole test class, closed after it: a client per record would make
 * every step of these event-driven tests slower. Test classes that publish many events extend it.
 */
abstract class KafkaPerTestClass {

    private static KafkaTestClient kafka;

    protected static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = ServiceDatabase.kafka();
        }
        return kafka;
    }

    @AfterAll
    static synchronized void closeKafka() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
