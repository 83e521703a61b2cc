package org.teletherapy.bench;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import org.teletherapy.events.sessions.SessionBooked;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * notifications-service on the whole devstack: how long from an event on Kafka to the message accepted by SMTP
 * (GreenMail) at a steady rate, and how a burst of reminders all due within one minute is worked off — each sent once.
 * "Accepted by SMTP" is the delivery's {@code sent_at}, which the service writes after the SMTP server took the message;
 * "once" is counted in the mail server itself, by Message-ID.
 */
final class NotificationsBench {

    private static final UUID CLIENT1 = UUID.fromString(PageTimeBench.CLIENTS.get("client1"));
    private static final UUID THERAPIST1 = UUID.fromString(PageTimeBench.THERAPIST1);
    private static final EventJson JSON = new EventJson();

    private NotificationsBench() {
    }

    static void run(int seconds, int perSecond, int reminders) throws Exception {
        Secrets secrets = Secrets.random();
        try (Platform platform = BenchPlatform.start(secrets);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                     ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                     ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                     ProducerConfig.LINGER_MS_CONFIG, 0));
             Connection database = DriverManager.getConnection(platform.postgres().jdbcUrl("notifications"),
                     "notifications", secrets.get("db.notifications"))) {
            System.out.printf("Notifications benchmark: %d cores, services with %s%n",
                    Runtime.getRuntime().availableProcessors(), String.join(" ", PageTimeBench.jvmOptions()));
            // The first minute of a fresh JVM is its JIT compiling; a running service has done that long ago.
            confirmations(producer, database, 30, perSecond, "warm-up");
            confirmations(producer, database, seconds, perSecond, "measured");
            reminderBurst(platform, producer, database, reminders);
            onceEach(platform, database);
        }
    }

    /** Bookings at a steady rate; each gives two confirmations (client and therapist). */
    private static void confirmations(KafkaProducer<String, byte[]> producer, Connection database, int seconds,
                                      int perSecond, String phase) throws Exception {
        Map<UUID, Instant> published = new ConcurrentHashMap<>();
        Instant start = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.HOURS);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long begin = System.nanoTime();
        for (int i = 0; i < seconds * perSecond; i++) {
            long due = begin + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            // Sessions start weeks ahead, so no reminder is due during the run.
            SessionBooked booked = new SessionBooked(UUID.randomUUID(), CLIENT1, THERAPIST1,
                    start.plus(Duration.ofMinutes(i)), start.plus(Duration.ofMinutes(i + 50)), Instant.now());
            published.put(booked.sessionId(), Instant.now());
            publish(producer, booked);
        }
        producer.flush();
        Map<UUID, Instant[]> sent = awaitSent(database, "session-booked", published.keySet(), 2, Duration.ofMinutes(5));
        Latencies latencies = new Latencies("event -> accepted by SMTP (" + phase + ", " + perSecond + " events/s, "
                + 2 * published.size() + " messages)");
        sent.forEach((session, times) -> Arrays.stream(times).forEach(time ->
                latencies.record(Duration.between(published.get(session), time).toNanos())));
        System.out.println(latencies.summary());
    }

    /**
     * {@code count} sessions booked an hour and a few minutes ahead, with confirmations off, so that their 1-hour
     * reminders all fall due within one minute; then how late each goes out, and when the last one does.
     */
    private static void reminderBurst(Platform platform, KafkaProducer<String, byte[]> producer, Connection database,
                                      int count) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String tokens = BenchPlatform.tokenEndpoint(platform);
        // The client gets one reminder an hour before; the therapist none (and neither the confirmations).
        for (String user : new String[] {"client1", "therapist1"}) {
            PageTimeBench.send(http, HttpRequest.newBuilder(URI.create(platform.gatewayUrl()
                            + "/api/v1/notification-preferences"))
                    .header("Authorization", "Bearer " + PageTimeBench.token(http, tokens, user))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("""
                            {"confirmations":false,"reminders":%s,"homework":true,"reminderLeadMinutes":[60]}"""
                            .formatted(user.startsWith("client")))),
                    200);
        }
        // Time enough to plan them all before the first is due: planning is not what is measured.
        Instant firstDue = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<UUID, Instant> dueAt = new HashMap<>();
        for (int i = 0; i < count; i++) {
            Instant due = firstDue.plusMillis(60_000L * i / count);
            Instant starts = due.plus(Duration.ofHours(1));
            SessionBooked booked = new SessionBooked(UUID.randomUUID(), CLIENT1, THERAPIST1, starts,
                    starts.plus(Duration.ofMinutes(50)), Instant.now());
            dueAt.put(booked.sessionId(), due);
            publish(producer, booked);
        }
        producer.flush();
        long planned = awaitCount(database, "select count(*) from delivery where kind = 'session-reminder'"
                + " and status = 'pending' and subject_id = any(?)", dueAt.keySet().toArray(UUID[]::new), count,
                Duration.ofMinutes(3));
        System.out.printf("Reminder burst: %d reminders planned before %s, all due within one minute%n", planned, firstDue);
        Map<UUID, Instant[]> sent = awaitSent(database, "session-reminder", dueAt.keySet(), 1, Duration.ofMinutes(10));
        Latencies lag = new Latencies("reminder lag (sent - due)");
        Instant last = Instant.MIN;
        for (Map.Entry<UUID, Instant[]> reminder : sent.entrySet()) {
            Instant sentAt = reminder.getValue()[0];
            lag.record(Math.max(0, Duration.between(dueAt.get(reminder.getKey()), sentAt).toNanos()));
            last = sentAt.isAfter(last) ? sentAt : last;
        }
        System.out.println(lag.summary());
        System.out.printf("  all %d sent %.1f s after the first was due (the last was due after 60 s)%n", sent.size(),
                Duration.between(firstDue, last).toMillis() / 1000.0);
    }

    /** Every delivery marked sent reached the mail server exactly once (its Message-ID is the delivery's id). */
    private static void onceEach(Platform platform, Connection database) throws SQLException {
        Map<String, Long> received = Arrays.stream(platform.mail().receivedMessages())
                .map(NotificationsBench::messageId)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long sent = 0;
        long missing = 0;
        long twice = 0;
        try (PreparedStatement query = database.prepareStatement("select id from delivery where status = 'sent'");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sent++;
                long copies = received.getOrDefault("<" + rows.getObject(1, UUID.class) + "@teletherapy>", 0L);
                missing += copies == 0 ? 1 : 0;
                twice += copies > 1 ? 1 : 0;
            }
        }
        System.out.printf("Exactly once: %d deliveries sent, %d messages received, %d missing, %d received twice or more%n",
                sent, received.values().stream().mapToLong(Long::longValue).sum(), missing, twice);
    }

    /** Waits until each session has {@code perSession} sent deliveries of {@code kind}; answers their sent times. */
    private static Map<UUID, Instant[]> awaitSent(Connection database, String kind, java.util.Set<UUID> sessions,
                                                  int perSession, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long nextProgress = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            Map<UUID, java.util.List<Instant>> sent = new HashMap<>();
            try (PreparedStatement query = database.prepareStatement(
                    "select subject_id, sent_at from delivery where kind = ? and status = 'sent'")) {
                query.setString(1, kind);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID subject = rows.getObject(1, UUID.class);
                        if (sessions.contains(subject)) {
                            sent.computeIfAbsent(subject, s -> new java.util.ArrayList<>())
                                    .add(rows.getTimestamp(2).toInstant());
                        }
                    }
                }
            }
            long complete = sent.values().stream().filter(times -> times.size() >= perSession).count();
            if (System.nanoTime() > nextProgress && complete < sessions.size()) {
                System.out.printf("  ... %d of %d sessions complete%n", complete, sessions.size());
                nextProgress += TimeUnit.SECONDS.toNanos(15);
            }
            if (complete == sessions.size() || System.nanoTime() > deadline) {
                if (complete < sessions.size()) {
                    System.out.printf("  only %d of %d sessions complete after %s%n", complete, sessions.size(), atMost);
                }
                return sent.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                        entry -> entry.getValue().toArray(Instant[]::new)));
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    private static long awaitCount(Connection database, String sql, UUID[] subjects, long expected, Duration atMost)
            throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        long count;
        do {
            TimeUnit.MILLISECONDS.sleep(500);
            try (PreparedStatement query = database.prepareStatement(sql)) {
                query.setArray(1, database.createArrayOf("uuid", subjects));
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    count = rows.getLong(1);
                }
            }
        } while (count < expected && System.nanoTime() < deadline);
        return count;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "";
        }
    }

    /** As sessions-service's outbox relay sends it: the event as JSON with its CloudEvents headers. */
    private static void publish(KafkaProducer<String, byte[]> producer, DomainEvent event) {
        String type = EventTypes.typeOf(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.topicOf(type),
                event.clientId().toString(), JSON.write(event));
        Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString(),
                        CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION,
                        CloudEventHeaders.TYPE, type,
                        CloudEventHeaders.SOURCE, "/teletherapy/bench",
                        CloudEventHeaders.TIME, event.occurredAt().toString(),
                        CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE)
                .forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        producer.send(record);
    }
}
