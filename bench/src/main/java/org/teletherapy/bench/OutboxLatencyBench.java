package org.teletherapy.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.devstack.KafkaBroker;
import org.teletherapy.devstack.Ports;
import org.teletherapy.devstack.PostgresServer;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.sessions.SessionBooked;
import reactor.core.publisher.Mono;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Commit of a state change → commit of the consumer's transaction in another service, through the outbox, the relay,
 * Kafka and the idempotent consumer; side by side with a raw KafkaProducer → KafkaConsumer round trip (the floor).
 * Then the database load of the idle relay.
 */
final class OutboxLatencyBench {

    private OutboxLatencyBench() {
    }

    static void run(int seconds, int perSecond) throws Exception {
        Path work = Files.createTempDirectory("teletherapy-bench");
        // Durable commits (fsync on), as in production; BENCH_FSYNC=off shows what the disk costs.
        Path postgresData = "off".equals(System.getenv("BENCH_FSYNC")) ? null : work.resolve("pg");
        try (PostgresServer postgres = PostgresServer.start(Ports.free(), postgresData, work.resolve("pg.log"));
             KafkaBroker kafka = KafkaBroker.start(Ports.free(), Ports.free(), work.resolve("kafka"))) {
            postgres.ensureDatabase("bench", "bench");
            System.out.printf("Outbox latency benchmark: %d events/s for %d s, %d cores%n", perSecond, seconds,
                    Runtime.getRuntime().availableProcessors());

            Latencies raw = rawKafka(kafka, seconds, perSecond);
            System.out.println(raw.summary());

            try (ConfigurableApplicationContext service = startService(postgres, kafka)) {
                Latencies steady = throughOutbox(service, seconds, perSecond);
                System.out.println(steady.summary());
                idleLoad(postgres);
            }
        }
    }

    private static Latencies rawKafka(KafkaBroker kafka, int seconds, int perSecond) throws Exception {
        String topic = "bench.raw";
        Latencies latencies = new Latencies("raw producer -> consumer (floor)");
        AtomicBoolean done = new AtomicBoolean();
        long expected = (long) seconds * perSecond;
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-raw",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
                consumer.subscribe(List.of(topic));
                while (!done.get() || latencies.count() < expected) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        latencies.record(System.nanoTime() - ByteBuffer.wrap(record.value()).getLong());
                    }
                    consumer.commitAsync();
                }
            }
        });
        reader.start();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            warmUpTopic(producer, topic);
            pace(seconds, perSecond, i -> producer.send(new ProducerRecord<>(topic, "client-" + (i % 50),
                    ByteBuffer.allocate(8).putLong(System.nanoTime()).array())));
        }
        done.set(true);
        reader.join(Duration.ofSeconds(30).toMillis());
        return latencies;
    }

    private static void warmUpTopic(KafkaProducer<String, byte[]> producer, String topic) throws Exception {
        producer.send(new ProducerRecord<>(topic, "warm-up", ByteBuffer.allocate(8).putLong(System.nanoTime()).array())).get();
    }

    private static ConfigurableApplicationContext startService(PostgresServer postgres, KafkaBroker kafka) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bench"), "bench", "bench");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists bench_booking (session_id uuid primary key, client_id uuid not null)");
        }
        SpringApplication application = new SpringApplication(BenchService.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.ofEntries(
                Map.entry("spring.application.name", "bench-service"),
                Map.entry("spring.main.banner-mode", "off"),
                Map.entry("logging.level.root", "ERROR"),
                Map.entry("spring.r2dbc.url", postgres.r2dbcUrl("bench")),
                Map.entry("spring.r2dbc.username", "bench"),
                Map.entry("spring.r2dbc.password", "bench"),
                Map.entry("spring.flyway.enabled", "false"),
                Map.entry("spring.flyway.url", postgres.jdbcUrl("bench")),
                Map.entry("spring.flyway.user", "bench"),
                Map.entry("spring.flyway.password", "bench"),
                Map.entry("spring.kafka.bootstrap-servers", kafka.bootstrapServers())));
        return application.run();
    }

    private static Latencies throughOutbox(ConfigurableApplicationContext service, int seconds, int perSecond) {
        BenchService bench = service.getBean(BenchService.class);
        DatabaseClient database = service.getBean(DatabaseClient.class);
        TransactionalOperator transaction = service.getBean(TransactionalOperator.class);
        OutboxWriter outbox = service.getBean(OutboxWriter.class);
        // Warm the whole path once, so the first measured event does not pay for topic creation and group joins.
        UUID warmUp = book(database, transaction, outbox);
        long warmUpDeadline = System.currentTimeMillis() + 30_000;
        while (!bench.consumerCommittedAt.containsKey(warmUp) && System.currentTimeMillis() < warmUpDeadline) {
            sleep(50);
        }
        Map<UUID, Long> producerCommittedAt = new java.util.LinkedHashMap<>();
        pace(seconds, perSecond, i -> {
            UUID session = book(database, transaction, outbox);
            producerCommittedAt.put(session, System.nanoTime());
        });
        long deadline = System.currentTimeMillis() + 30_000;
        while (!bench.consumerCommittedAt.keySet().containsAll(producerCommittedAt.keySet())
                && System.currentTimeMillis() < deadline) {
            sleep(100);
        }
        Latencies latencies = new Latencies("outbox commit -> consumer commit");
        Latencies steady = new Latencies("  the same after the first 10 s");
        int index = 0;
        for (Map.Entry<UUID, Long> produced : producerCommittedAt.entrySet()) {
            Long applied = bench.consumerCommittedAt.get(produced.getKey());
            if (applied != null) {
                latencies.record(applied - produced.getValue());
                if (index >= 10 * perSecond) {
                    steady.record(applied - produced.getValue());
                }
            }
            index++;
        }
        System.out.printf("events applied                     %d of %d%n", latencies.count(), producerCommittedAt.size());
        System.out.println(latencies.summary());
        return steady;
    }

    private static UUID book(DatabaseClient database, TransactionalOperator transaction, OutboxWriter outbox) {
        UUID session = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        transaction.transactional(database.sql("insert into bench_booking (session_id, client_id) values (:s, :c)")
                        .bind("s", session).bind("c", client).then()
                        .then(outbox.append(new SessionBooked(session, client, UUID.randomUUID(), start,
                                start.plus(50, ChronoUnit.MINUTES), Instant.now()), session.toString())))
                .block();
        return session;
    }

    /**
     * Database transactions per second while nothing happens: what the waiting relay costs PostgreSQL. Measured on
     * one open connection, so opening connections does not count; the second reading itself is one transaction.
     */
    private static void idleLoad(PostgresServer postgres) throws Exception {
        sleep(10_000);
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bench"), "bench", "bench")) {
            long before = commits(connection);
            sleep(60_000);
            long after = commits(connection);
            System.out.printf("idle relay database load            %.2f transactions/s over 60 s%n", (after - before - 1) / 60.0);
        }
    }

    private static long commits(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(
                     "select xact_commit + xact_rollback from pg_stat_database where datname = 'bench'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static void pace(int seconds, int perSecond, java.util.function.IntConsumer action) {
        long interval = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        for (int i = 0; i < seconds * perSecond; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            action.accept(i);
        }
    }

    private static void sleep(long millis) {
        sleep(millis, 0);
    }

    private static void sleep(long millis, int nanos) {
        try {
            Thread.sleep(millis, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The consuming "other service": records when its transaction has committed. */
    @SpringBootApplication
    static class BenchService {

        /** When each event's consuming transaction committed; compared with the producer's commit afterwards. */
        final Map<UUID, Long> consumerCommittedAt = new ConcurrentHashMap<>();

        @Bean
        EventHandler<SessionBooked> measureCommit() {
            return new EventHandler<>() {
                @Override
                public Class<SessionBooked> eventClass() {
                    return SessionBooked.class;
                }

                @Override
                public Mono<Void> apply(SessionBooked event, EventMetadata metadata) {
                    return TransactionSynchronizationManager.forCurrentTransaction()
                            .doOnNext(manager -> manager.registerSynchronization(new TransactionSynchronization() {
                                @Override
                                public Mono<Void> afterCommit() {
                                    consumerCommittedAt.put(event.sessionId(), System.nanoTime());
                                    return Mono.empty();
                                }
                            }))
                            .then();
                }
            };
        }
    }
}
