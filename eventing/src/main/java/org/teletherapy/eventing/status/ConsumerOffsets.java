package org.teletherapy.eventing.status;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.teletherapy.events.Topics;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consumer lag and dead letters from the broker's offsets, with the admin API only: nothing is consumed, so asking
 * disturbs neither the service's consumer group nor the records.
 */
final class ConsumerOffsets {

    /** What this asks of Kafka; unknown until the broker answers. */
    record Figures(Long consumerLag, Long deadLetters) {
        static final Figures UNKNOWN = new Figures(null, null);
    }

    private final Admin admin;
    private final String groupId;
    private final Set<String> topics;
    private final Set<String> deadLetterTopics;
    private final int timeoutMs;

    ConsumerOffsets(Admin admin, String groupId, Collection<String> consumedTopics, Duration timeout) {
        this.admin = admin;
        this.groupId = groupId;
        this.topics = new TreeSet<>(consumedTopics);
        this.deadLetterTopics = consumedTopics.stream().map(Topics::deadLetter).collect(Collectors.toCollection(TreeSet::new));
        this.timeoutMs = (int) timeout.toMillis();
    }

    Mono<Figures> figures() {
        if (topics.isEmpty()) {
            // A service that consumes nothing has nothing to lag behind and nothing to dead-letter.
            return Mono.just(new Figures(0L, 0L));
        }
        Set<String> all = new TreeSet<>(topics);
        all.addAll(deadLetterTopics);
        return partitions(all).flatMap(partitions -> Mono.zip(
                        offsets(partitions, OffsetSpec.earliest()),
                        offsets(partitions, OffsetSpec.latest()),
                        committed())
                .map(offsets -> {
                    Map<TopicPartition, Long> earliest = offsets.getT1();
                    Map<TopicPartition, Long> latest = offsets.getT2();
                    Map<TopicPartition, OffsetAndMetadata> committed = offsets.getT3();
                    long lag = 0;
                    long deadLetters = 0;
                    for (TopicPartition partition : partitions) {
                        long end = latest.getOrDefault(partition, 0L);
                        long start = earliest.getOrDefault(partition, 0L);
                        if (topics.contains(partition.topic())) {
                            // Without a commit yet the group starts at the beginning (auto.offset.reset=earliest).
                            OffsetAndMetadata commit = committed.get(partition);
                            lag += Math.max(0, end - (commit == null ? start : commit.offset()));
                        } else {
                            deadLetters += end - start;
                        }
                    }
                    return new Figures(lag, deadLetters);
                }));
    }

    /** The partitions of the topics; a topic that does not exist (yet) has none. */
    private Mono<List<TopicPartition>> partitions(Set<String> topicNames) {
        Map<String, KafkaFuture<TopicDescription>> descriptions = admin.describeTopics(topicNames,
                new DescribeTopicsOptions().timeoutMs(timeoutMs)).topicNameValues();
        return Flux.fromIterable(descriptions.values())
                .flatMap(description -> mono(description)
                        .flatMapIterable(topic -> topic.partitions().stream()
                                .map(partition -> new TopicPartition(topic.name(), partition.partition())).toList())
                        .onErrorResume(UnknownTopicOrPartitionException.class, e -> Flux.empty()))
                .collectList();
    }

    private Mono<Map<TopicPartition, Long>> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        if (partitions.isEmpty()) {
            return Mono.just(Map.of());
        }
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec));
        return mono(admin.listOffsets(request, new ListOffsetsOptions().timeoutMs(timeoutMs)).all())
                .map(result -> result.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().offset())));
    }

    private Mono<Map<TopicPartition, OffsetAndMetadata>> committed() {
        return mono(admin.listConsumerGroupOffsets(groupId, new ListConsumerGroupOffsetsOptions().timeoutMs(timeoutMs))
                .partitionsToOffsetAndMetadata())
                // A partition the group never committed on may come back with a null value.
                .map(offsets -> offsets.entrySet().stream().filter(entry -> entry.getValue() != null)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    private static <T> Mono<T> mono(KafkaFuture<T> future) {
        return Mono.fromCompletionStage(future.toCompletionStage())
                .onErrorMap(CompletionException.class, e -> e.getCause() == null ? e : e.getCause());
    }
}
