package org.teletherapy.notifications.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.teletherapy.notifications.preference.Preferences;
import org.teletherapy.notifications.recipient.Recipient;
import org.teletherapy.notifications.recipient.Recipients;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the messages that are due, on every instance: each claims its own rows, so a message goes out once however
 * many instances run. A transient failure (SMTP or Keycloak away) puts the message back with a growing pause, until
 * {@code giveUpAfter}; a permanent one (no address any more, refused by the server) is recorded as failed. Either way
 * the delivery log keeps kind, time, status and attempts only.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final Deliveries deliveries;
    private final List<DeliveryCheck> checks;
    private final Preferences preferences;
    private final Recipients recipients;
    private final MailComposer composer;
    private final JavaMailSender mail;
    private final DeliveryProperties properties;
    private final MailProperties mailProperties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer reminderLag;

    DeliveryWorker(Deliveries deliveries, List<DeliveryCheck> checks, Preferences preferences, Recipients recipients,
                   MailComposer composer, JavaMailSender mail, DeliveryProperties properties,
                   MailProperties mailProperties, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.checks = checks;
        this.preferences = preferences;
        this.recipients = recipients;
        this.composer = composer;
        this.mail = mail;
        this.properties = properties;
        this.mailProperties = mailProperties;
        this.clock = clock;
        this.meters = meters;
        this.reminderLag = Timer.builder("teletherapy.notifications.reminder.lag")
                .description("From when a reminder was planned to go out to when SMTP accepted it")
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Sends what is due now, batch after batch until a batch comes back short; returns how many were handled. */
    Mono<Long> run() {
        return batch().expand(handled -> handled < properties.batchSize() ? Mono.empty() : batch())
                .reduce(0L, Long::sum);
    }

    /**
     * One claimed batch: each message is checked and composed (Keycloak and the database are asked concurrently),
     * then the batch goes out over a few SMTP connections, many messages per connection. Opening a connection and
     * greeting the server for every message was what kept the service at about 20 messages a second.
     */
    private Mono<Long> batch() {
        Instant now = clock.instant();
        return deliveries.claim(now, now.plus(properties.lease()), properties.batchSize())
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::prepare, properties.concurrency())
                        .collectList()
                        .flatMapMany(outgoing -> Flux.fromIterable(connections(outgoing)))
                        .flatMap(this::transmit, properties.connections())
                        .then(Mono.just((long) claimed.size())));
    }

    /** The message ready to go, or empty when it was settled here (not wanted any more, no address, failed). */
    private Mono<Outgoing> prepare(Delivery delivery) {
        return stillWanted(delivery)
                .flatMap(wanted -> wanted ? compose(delivery)
                        : finish(delivery, "skipped", "not-wanted").then(Mono.<Outgoing>empty()))
                .onErrorResume(error -> failed(delivery, error).then(Mono.empty()));
    }

    private Mono<Boolean> stillWanted(Delivery delivery) {
        Mono<Boolean> byFeature = checks.stream().filter(check -> check.covers(delivery.kind())).findFirst()
                .map(check -> check.stillWanted(delivery)).orElse(Mono.just(true));
        if (delivery.kind().category() == null || delivery.recipientId() == null) {
            return byFeature;
        }
        // Asked again at send time: a person who opted out after the message was planned does not get it.
        return byFeature.filter(Boolean::booleanValue)
                .flatMap(wanted -> preferences.of(delivery.recipientId(), delivery.role() == RecipientRole.THERAPIST))
                .map(preference -> preference.wants(delivery.kind().category()))
                .defaultIfEmpty(false);
    }

    private Mono<Outgoing> compose(Delivery delivery) {
        if (delivery.role() == RecipientRole.ON_CALL) {
            String onCall = mailProperties.onCallAddress();
            return onCall == null || onCall.isBlank()
                    ? finish(delivery, "failed", "no-on-call-address").then(Mono.empty())
                    : compose(delivery, null, onCall, null);
        }
        return recipients.find(delivery.recipientId(), mailProperties.defaultLocale(), mailProperties.defaultTimeZone())
                .flatMap(recipient -> therapistName(delivery, recipient)
                        .flatMap(name -> compose(delivery, recipient, recipient.email(), name.isEmpty() ? null : name)))
                .switchIfEmpty(Mono.defer(() -> finish(delivery, "failed", "no-address").then(Mono.empty())));
    }

    /** The therapist a client's message names, looked up like any recipient; empty when the message names none. */
    private Mono<String> therapistName(Delivery delivery, Recipient recipient) {
        String therapist = delivery.facts().get("therapistId");
        if (therapist == null || delivery.role() != RecipientRole.CLIENT) {
            return Mono.just("");
        }
        return recipients.find(UUID.fromString(therapist), recipient.locale(), recipient.timeZone())
                .map(Recipient::displayName)
                .defaultIfEmpty("");
    }

    private Mono<Outgoing> compose(Delivery delivery, @Nullable Recipient recipient, String address,
                                   @Nullable String therapistName) {
        return Mono.fromCallable(() -> new Outgoing(delivery,
                composer.compose(delivery, recipient, address, therapistName, clock.instant())));
    }

    /** The batch split evenly over at most {@code connections} SMTP connections. */
    private List<List<Outgoing>> connections(List<Outgoing> outgoing) {
        int parts = Math.min(properties.connections(), outgoing.size());
        List<List<Outgoing>> split = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            split.add(outgoing.subList(outgoing.size() * part / parts, outgoing.size() * (part + 1) / parts));
        }
        return split;
    }

    /**
     * Sends these messages over one SMTP connection and records each one's end: the server answers for every message
     * on its own, so one refused recipient does not fail the others.
     */
    private Mono<Void> transmit(List<Outgoing> outgoing) {
        return Mono.fromCallable(() -> failures(outgoing))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(failures -> {
                    Instant sentAt = clock.instant();
                    List<Delivery> accepted = outgoing.stream()
                            .filter(message -> !failures.containsKey(message.message()))
                            .map(Outgoing::delivery).toList();
                    Mono<Void> recordAccepted = accepted.isEmpty() ? Mono.empty()
                            : deliveries.sent(accepted, sentAt).doOnSuccess(rows -> accepted.forEach(
                                    delivery -> sent(delivery, sentAt))).then();
                    return recordAccepted.thenMany(Flux.fromIterable(outgoing)
                                    .filter(message -> failures.containsKey(message.message()))
                                    .concatMap(message -> failed(message.delivery(), new MailSendException(
                                            Map.of(message.message(), failures.get(message.message()))))))
                            .then();
                });
    }

    private Map<Object, Exception> failures(List<Outgoing> outgoing) {
        MimeMessage[] messages = outgoing.stream().map(Outgoing::message).toArray(MimeMessage[]::new);
        try {
            mail.send(messages);
            return Map.of();
        } catch (MailSendException refused) {
            if (!refused.getFailedMessages().isEmpty()) {
                return refused.getFailedMessages();
            }
            return everyOne(messages, refused);
        } catch (MailException unsent) {
            return everyOne(messages, unsent);
        }
    }

    private static Map<Object, Exception> everyOne(MimeMessage[] messages, Exception failure) {
        Map<Object, Exception> failures = new IdentityHashMap<>();
        for (MimeMessage message : messages) {
            failures.put(message, failure);
        }
        return failures;
    }

    private record Outgoing(Delivery delivery, MimeMessage message) {
    }

    private void sent(Delivery delivery, Instant sentAt) {
        counter("teletherapy.notifications.sent", "Messages accepted by the SMTP server", delivery).increment();
        if (delivery.kind() == Kind.SESSION_REMINDER) {
            reminderLag.record(Duration.between(delivery.dueAt(), sentAt).abs());
        }
    }

    private Mono<Void> failed(Delivery delivery, Throwable error) {
        Instant now = clock.instant();
        String reason = reason(error);
        boolean tooOld = delivery.dueAt().plus(properties.giveUpAfter()).isBefore(now);
        if (permanent(error) || tooOld) {
            log.warn("{} delivery {} failed for good after {} attempts: {}", delivery.kind().wireName(), delivery.id(),
                    delivery.attempts(), reason);
            counter("teletherapy.notifications.failed", "Messages given up", delivery).increment();
            return finish(delivery, "failed", reason);
        }
        Duration pause = properties.backoff(delivery.attempts());
        if (delivery.attempts() == 1) {
            log.info("{} delivery {} failed ({}), tried again with backoff", delivery.kind().wireName(), delivery.id(),
                    reason);
        } else {
            log.debug("{} delivery {} attempt {} failed ({}), again in {}", delivery.kind().wireName(), delivery.id(),
                    delivery.attempts(), reason, pause);
        }
        counter("teletherapy.notifications.retried", "Attempts that failed and will be repeated", delivery).increment();
        return deliveries.retryAt(delivery, reason, now.plus(pause)).then();
    }

    private Mono<Void> finish(Delivery delivery, String status, String outcome) {
        return deliveries.finish(delivery, status, outcome).then();
    }

    private Counter counter(String name, String description, Delivery delivery) {
        return Counter.builder(name).description(description).tag("kind", delivery.kind().wireName()).register(meters);
    }

    /** The SMTP server refused the message or its recipient for good (5xx), or the message cannot be made. */
    private static boolean permanent(Throwable error) {
        if (error instanceof MailSendException send) {
            return send.getFailedMessages().values().stream().anyMatch(DeliveryWorker::refusedForGood);
        }
        if (error instanceof MailException || error instanceof ProcessingException) {
            return false;
        }
        if (error instanceof WebApplicationException web) {
            return web.getResponse().getStatus() < 500 && web.getResponse().getStatus() != 429;
        }
        return error instanceof MessagingException || error instanceof IllegalArgumentException
               || error instanceof IllegalStateException || error instanceof org.springframework.context.NoSuchMessageException;
    }

    private static boolean refusedForGood(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
                return true;
            }
            if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
                && sendFailed.getNextException() != cause && refusedForGood(sendFailed.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** A class of failure for the log and the delivery record, never a message text (it may quote an address). */
    private static String reason(Throwable error) {
        return error.getClass().getSimpleName();
    }
}
