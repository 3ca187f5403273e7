package dev.postventa.support.ops;

import dev.postventa.events.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Operator gauges read from the broker, not from this service's consumers: the lag of the service's consumer group
 * per topic and partition ({@code postventa_consumer_group_lag}: log-end offset minus committed offset) and the depth
 * of its dead-letter topic ({@code postventa_dead_letter_depth}: end minus beginning offsets), refreshed every
 * {@code postventa.ops.lag-refresh}. The consumers' own {@code kafka_consumer_fetch_manager_records_lag_max} is per
 * client, not per partition, and only updated when they poll; these are right between polls, and while a consumer is
 * stuck retrying.
 */
@ApplicationScoped
public class KafkaOpsMetrics {

    private static final Logger LOG = Logger.getLogger(KafkaOpsMetrics.class);
    private static final long TIMEOUT_SECONDS = 10;

    private final MeterRegistry metrics;
    private final String group;
    private final String deadLetterTopic;
    private final String bootstrapServers;
    private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();
    // Registered at once with 0, so that an alert rule on it has a series before the first dead letter.
    private final AtomicLong deadLetterDepth = new AtomicLong();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private volatile Admin admin;

    KafkaOpsMetrics(MeterRegistry metrics,
                    @ConfigProperty(name = "postventa.service-name") String serviceName,
                    @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String group,
                    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.metrics = metrics;
        this.group = group;
        this.deadLetterTopic = Topics.deadLetter(serviceName);
        this.bootstrapServers = bootstrapServers;
        Gauge.builder("postventa.dead.letter.depth", deadLetterDepth, AtomicLong::get)
                .tags("topic", deadLetterTopic)
                .description("Records in this service's dead-letter topic (end minus beginning offsets, all partitions)")
                .strongReference(true)
                .register(metrics);
    }

    @Scheduled(every = "${postventa.ops.lag-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "kafka-ops-metrics")
    void refresh() {
        read("consumer-group lag", this::refreshGroupLag);
        read("dead-letter depth", this::refreshDeadLetterDepth);
    }

    private interface BrokerRead {
        void run() throws InterruptedException, ExecutionException, TimeoutException;
    }

    private void read(String what, BrokerRead read) {
        try {
            read.run();
            if (failing.remove(what)) {
                LOG.infof("reading %s of %s from the broker again", what, group);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // The broker may be away: the gauge keeps its last value. Said once per outage, not every refresh.
            if (failing.add(what)) {
                LOG.warnf("could not read %s of %s from the broker (%s); retried every refresh", what, group,
                        e.getCause() != null ? e.getCause() : e);
            }
        }
    }

    private void refreshGroupLag() throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        committed.values().removeIf(o -> o == null);
        if (committed.isEmpty()) {
            return;
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(committed.keySet(), OffsetSpec.latest());
        committed.forEach((partition, offset) -> {
            ListOffsetsResultInfo end = ends.get(partition);
            if (end != null) {
                gaugeFor(partition).set(Math.max(0, end.offset() - offset.offset()));
            }
        });
    }

    private void refreshDeadLetterDepth() throws InterruptedException, ExecutionException, TimeoutException {
        TopicDescription topic;
        try {
            topic = admin().describeTopics(List.of(deadLetterTopic)).allTopicNames()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(deadLetterTopic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                deadLetterDepth.set(0); // nothing was ever dead-lettered: the topic is created with the first one
                return;
            }
            throw e;
        }
        List<TopicPartition> partitions = topic.partitions().stream()
                .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResultInfo> begin = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, ListOffsetsResultInfo> end = offsets(partitions, OffsetSpec.latest());
        long depth = 0;
        for (TopicPartition partition : partitions) {
            depth += end.get(partition).offset() - begin.get(partition).offset();
        }
        deadLetterDepth.set(depth);
    }

    private Map<TopicPartition, ListOffsetsResultInfo> offsets(Collection<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        return admin().listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    private AtomicLong gaugeFor(TopicPartition partition) {
        return lag.computeIfAbsent(partition, p -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("postventa.consumer.group.lag", value, AtomicLong::get)
                    .tags(Tags.of("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition())))
                    .description("Records of the partition this service's consumer group has not committed yet, "
                            + "read from the broker (log-end offset minus committed offset)")
                    .strongReference(true)
                    .register(metrics);
            return value;
        });
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties config = new Properties();
                    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    config.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-ops-metrics");
                    admin = Admin.create(config);
                }
            }
        }
        return admin;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
