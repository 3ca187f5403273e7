package dev.postventa.localstack.storefront;

import dev.postventa.events.EventCatalog;
import dev.postventa.events.EventJson;
import dev.postventa.events.Money;
import dev.postventa.events.Topics;
import dev.postventa.events.returns.ExchangeRequested;
import dev.postventa.events.returns.ReturnCancelled;
import dev.postventa.events.storefront.ExchangeAnswer;
import dev.postventa.events.storefront.InventoryLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local stack's storefront: it owns a stock of SKUs, publishes each change as an {@link InventoryLevel} on
 * {@value Topics#STOREFRONT_INVENTORY}, and answers every {@link ExchangeRequested} on {@value Topics#RETURNS} from
 * that stock with an {@link ExchangeAnswer} on {@value Topics#STOREFRONT_EXCHANGES}: reserved when enough units are
 * there (they leave the stock), rejected ({@code out_of_stock} or {@code unknown_sku}) otherwise. A
 * {@link ReturnCancelled} gives its reservations back. What a real storefront does, kept in memory: it is a simulator.
 *
 * <p>The relay delivers at least once, so requests are remembered by their CloudEvents id and answered once; the
 * answer's {@code eventId} derives from the request's id, so a re-sent answer is the same answer.
 */
public final class StorefrontSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StorefrontSimulator.class.getName());
    private static final String EXCHANGE_REQUESTED = EventCatalog.typeOf(ExchangeRequested.class);
    private static final String RETURN_CANCELLED = EventCatalog.typeOf(ReturnCancelled.class);

    private record Reservation(String reservationId, String sku, int quantity) {
    }

    private final Map<String, InventoryLevel> stock = new LinkedHashMap<>();
    private final Map<UUID, List<Reservation>> reservationsByReturn = new LinkedHashMap<>();
    private final Set<String> handled = new HashSet<>();
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread listener;
    private volatile boolean running = true;

    public StorefrontSimulator(String bootstrapServers) {
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "local-storefront");
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        listener = new Thread(this::listen, "local-storefront");
        listener.setDaemon(true);
    }

    public StorefrontSimulator start() {
        consumer.subscribe(List.of(Topics.RETURNS));
        listener.start();
        return this;
    }

    /**
     * Sets a SKU's stock and price (what a merchant does in the shop's back office) and publishes the new level.
     * The level's {@code updatedAt} is this simulator's clock: it is the storefront's clock in this setup.
     */
    public synchronized InventoryLevel putStock(String sku, String productId, String name, int available,
                                                Money unitPrice) {
        InventoryLevel previous = stock.get(sku);
        InventoryLevel level = new InventoryLevel("inv-" + UUID.randomUUID(), sku, productId, name, available,
                unitPrice, after(previous));
        stock.put(sku, level);
        publish(level);
        return level;
    }

    /** The stock as it is now, SKU by SKU. */
    public synchronized Collection<InventoryLevel> stock() {
        return List.copyOf(stock.values());
    }

    private void listen() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the poll up
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private synchronized void handle(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String id = header(record, "ce_id");
        if (id == null || !(EXCHANGE_REQUESTED.equals(type) || RETURN_CANCELLED.equals(type)) || !handled.add(id)) {
            return;
        }
        try {
            if (EXCHANGE_REQUESTED.equals(type)) {
                answer(id, EventJson.fromBytes(record.value(), ExchangeRequested.class));
            } else {
                release(EventJson.fromBytes(record.value(), ReturnCancelled.class));
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "storefront simulator skipped event {0}: {1}", id, e.toString());
        }
    }

    private void answer(String requestId, ExchangeRequested request) {
        InventoryLevel level = stock.get(request.replacementSku());
        ExchangeAnswer answer;
        if (level == null || level.available() < request.quantity()) {
            answer = new ExchangeAnswer("xch-" + requestId, ExchangeAnswer.REJECTED, request.returnId(),
                    request.lineId(), request.replacementSku(), null, level == null ? "unknown_sku" : "out_of_stock",
                    Instant.now());
        } else {
            Reservation reservation = new Reservation("res-" + requestId.substring(0, 8), request.replacementSku(),
                    request.quantity());
            reservationsByReturn.computeIfAbsent(request.returnId(), r -> new ArrayList<>()).add(reservation);
            adjust(level, -request.quantity());
            answer = new ExchangeAnswer("xch-" + requestId, ExchangeAnswer.RESERVED, request.returnId(),
                    request.lineId(), request.replacementSku(), reservation.reservationId(), null, Instant.now());
        }
        producer.send(new ProducerRecord<>(Topics.STOREFRONT_EXCHANGES, request.returnId().toString(),
                EventJson.toBytes(answer)));
        producer.flush();
    }

    private void release(ReturnCancelled cancelled) {
        for (Reservation reservation : reservationsByReturn.getOrDefault(cancelled.returnId(), List.of())) {
            InventoryLevel level = stock.get(reservation.sku());
            if (level != null) {
                adjust(level, reservation.quantity());
            }
        }
        reservationsByReturn.remove(cancelled.returnId());
    }

    private void adjust(InventoryLevel level, int delta) {
        InventoryLevel changed = new InventoryLevel("inv-" + UUID.randomUUID(), level.sku(), level.productId(),
                level.name(), level.available() + delta, level.unitPrice(), after(level));
        stock.put(level.sku(), changed);
        publish(changed);
    }

    /** Now, but always later than the SKU's previous level: returns-service ignores a level that is not newer. */
    private static Instant after(InventoryLevel previous) {
        Instant now = Instant.now();
        return previous == null || now.isAfter(previous.updatedAt()) ? now : previous.updatedAt().plusNanos(1_000);
    }

    private void publish(InventoryLevel level) {
        producer.send(new ProducerRecord<>(Topics.STOREFRONT_INVENTORY, level.sku(), EventJson.toBytes(level)));
        producer.flush();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            listener.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(2));
    }
}
