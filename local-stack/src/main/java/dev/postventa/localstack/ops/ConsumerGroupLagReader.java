package dev.postventa.localstack.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Lag of every consumer group, per topic and partition, as the broker sees it (end offset minus committed offset), so
 * that a stopped service still shows the lag that piles up for it. Read through the Kafka Admin API.
 */
public final class ConsumerGroupLagReader implements AutoCloseable {

    /** One partition a group committed on. */
    public record PartitionLag(String topic, int partition, long committed, long end, long lag) {
    }

    /** One group: its state (Stable, Empty, ...), its live members, and the lag of every partition it committed on. */
    public record GroupLag(String group, String state, int members, long totalLag, List<PartitionLag> partitions) {
    }

    private final Admin admin;
    private final Duration timeout;

    public ConsumerGroupLagReader(String bootstrapServers, Duration timeout) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "postventa-ops-page");
        // The page asks every 2 s: an answer late by more than the timeout is worth less than the next one.
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    /** Every consumer group, by name; partitions by topic and number. */
    public List<GroupLag> read() throws ExecutionException, InterruptedException, TimeoutException {
        List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).stream().map(GroupListing::groupId).sorted().toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<String, ConsumerGroupDescription> descriptions = admin.describeConsumerGroups(groups).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            committed.put(group, offsets);
            offsets.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        }
        var ends = latest.isEmpty() ? Map.<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo>of()
                : admin.listOffsets(latest).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<GroupLag> result = new ArrayList<>();
        for (String group : groups) {
            List<PartitionLag> partitions = new ArrayList<>();
            committed.get(group).forEach((partition, offset) -> {
                if (offset == null || !ends.containsKey(partition)) {
                    return;
                }
                long end = ends.get(partition).offset();
                partitions.add(new PartitionLag(partition.topic(), partition.partition(), offset.offset(), end,
                        Math.max(0, end - offset.offset())));
            });
            partitions.sort(Comparator.comparing(PartitionLag::topic).thenComparingInt(PartitionLag::partition));
            ConsumerGroupDescription description = descriptions.get(group);
            result.add(new GroupLag(group, description == null ? "UNKNOWN" : description.groupState().toString(),
                    description == null ? 0 : description.members().size(),
                    partitions.stream().mapToLong(PartitionLag::lag).sum(), List.copyOf(partitions)));
        }
        return result;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
