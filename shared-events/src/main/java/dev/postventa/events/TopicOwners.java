package dev.postventa.events;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who writes and who reads each topic: the one declaration the AsyncAPI document takes its {@code send} and
 * {@code receive} operations from. A test in shared-events compares it with the services'
 * {@code mp.messaging.incoming.*} settings, so a new consumer that is not declared here fails the build.
 *
 * <p>A platform topic is written by the service whose outbox emits its events (one topic per aggregate type);
 * {@code storefront.orders} is written by the storefront, outside the platform. Dead-letter topics
 * ({@link Topics#deadLetter}) are operational and not declared here.
 */
public final class TopicOwners {

    /** The producer of {@link Topics#STOREFRONT_ORDERS}: the shop, not a platform service. */
    public static final String STOREFRONT = "storefront";

    /**
     * One topic: its producer, its consuming services (each reads every event of the topic and skips the types it
     * has no use for), and what its Kafka key is.
     *
     * @param key what the key holds, e.g. {@code return id}
     * @param uuidKey true when the key is a UUID (the platform's aggregates); false for the storefront's order ids
     */
    public record Declaration(String topic, String producer, List<String> consumers, String key, boolean uuidKey) {

        /** True for a topic whose records are CloudEvents written by a platform outbox. */
        public boolean cloudEvents() {
            return !STOREFRONT.equals(producer);
        }
    }

    private static final Map<String, Declaration> BY_TOPIC = new LinkedHashMap<>();

    static {
        declare(Topics.RETURNS, "returns-service", "return id", true,
                "tracking-service", "refund-service", "notification-service");
        declare(Topics.SHIPMENTS, "tracking-service", "shipment id", true, "returns-service", "notification-service");
        declare(Topics.REFUNDS, "refund-service", "refund id", true, "notification-service", "returns-service");
        declare(Topics.STORE_CREDIT, "refund-service", "store credit account id", true, "notification-service",
                "returns-service");
        declare(Topics.NOTIFICATIONS, "notification-service", "notification id", true);
        declare(Topics.STOREFRONT_ORDERS, STOREFRONT, "order id (the storefront's, as text)", false, "returns-service");
        declare(Topics.STOREFRONT_INVENTORY, STOREFRONT, "SKU", false, "returns-service");
        declare(Topics.STOREFRONT_EXCHANGES, STOREFRONT, "return id (as text)", false, "returns-service");
    }

    private TopicOwners() {
    }

    private static void declare(String topic, String producer, String key, boolean uuidKey, String... consumers) {
        BY_TOPIC.put(topic, new Declaration(topic, producer, List.of(consumers), key, uuidKey));
    }

    /** Every declared topic, in declaration order. */
    public static Collection<Declaration> all() {
        return Collections.unmodifiableCollection(BY_TOPIC.values());
    }

    /** The declaration of {@code topic}; {@link IllegalArgumentException} for an undeclared one. */
    public static Declaration of(String topic) {
        Declaration declaration = BY_TOPIC.get(topic);
        if (declaration == null) {
            throw new IllegalArgumentException("undeclared topic: " + topic);
        }
        return declaration;
    }

    /** The platform's services (every producer and consumer but the storefront), sorted. */
    public static Set<String> services() {
        Set<String> services = new TreeSet<>();
        BY_TOPIC.values().forEach(d -> {
            services.add(d.producer());
            services.addAll(d.consumers());
        });
        services.remove(STOREFRONT);
        return services;
    }

    /** The topics {@code service} consumes, sorted. */
    public static Set<String> consumedBy(String service) {
        Set<String> topics = new TreeSet<>();
        BY_TOPIC.values().stream().filter(d -> d.consumers().contains(service)).forEach(d -> topics.add(d.topic()));
        return topics;
    }
}
