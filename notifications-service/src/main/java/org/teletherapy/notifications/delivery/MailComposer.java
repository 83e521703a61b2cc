package org.teletherapy.notifications.delivery;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.mail.util.StreamProvider;
import org.eclipse.angus.mail.util.MailStreamProvider;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.teletherapy.notifications.preference.Category;
import org.teletherapy.notifications.preference.UnsubscribeTokens;
import org.teletherapy.notifications.recipient.Recipient;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a message from its kind's texts (English, German) in the plain text and HTML templates, with the
 * minimum necessary: the therapist's name, the time in the recipient's zone and language, and a link. Never a
 * score, an answer, a note or a client's name.
 */
@Component
class MailComposer {

    static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    static {
        // Jakarta Mail 2.1 looks its stream provider up with a ServiceLoader for every body part, multipart and
        // encoded header (jakartaee/mail-api#699, #861): in a Spring Boot jar that scan was 60% of this service's CPU
        // while sending. Named here, the lookup is a Class.forName of a loaded class.
        if (System.getProperty(StreamProvider.class.getName()) == null) {
            System.setProperty(StreamProvider.class.getName(), MailStreamProvider.class.getName());
        }
    }

    private final JavaMailSender mail;
    private final MailProperties properties;
    private final UnsubscribeTokens unsubscribeTokens;
    private final MessageSource texts;
    private final TemplateEngine templates;
    private final InternetAddress from;

    MailComposer(JavaMailSender mail, MailProperties properties, UnsubscribeTokens unsubscribeTokens) {
        this.mail = mail;
        this.properties = properties;
        this.unsubscribeTokens = unsubscribeTokens;
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasename("mail/messages");
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        this.texts = bundle;
        this.templates = new TemplateEngine();
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        try {
            this.from = new InternetAddress(properties.from(), true);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException("teletherapy.notifications.mail.from is not an address", e);
        }
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setOrder(order);
        return resolver;
    }

    /**
     * @param recipient     the person, or null for the on-call address
     * @param therapistName the session's or homework's therapist as the recipient should read it, if any
     */
    MimeMessage compose(Delivery delivery, @Nullable Recipient recipient, String address, @Nullable String therapistName,
                        Instant now) throws MessagingException {
        Locale locale = language(recipient == null ? properties.defaultLocale() : recipient.locale());
        java.time.ZoneId zone = recipient == null ? properties.defaultTimeZone() : recipient.timeZone();
        String prefix = delivery.kind().wireName() + "." + delivery.role().wireName();
        Object[] arguments = {time(delivery, zone, locale), therapistName == null ? "" : therapistName,
                delivery.facts().getOrDefault("leadMinutes", "")};

        Context context = new Context(locale);
        context.setVariable("greeting", recipient == null || recipient.displayName().isBlank()
                ? text("greeting.anonymous", locale) : text("greeting", locale, recipient.displayName()));
        context.setVariable("lines", List.of(text(prefix + ".lead", locale, arguments)));
        context.setVariable("link", link(delivery));
        context.setVariable("linkLabel", text(prefix + ".action", locale));
        Category category = delivery.kind().category();
        String unsubscribeUrl = category == null || delivery.recipientId() == null ? null
                : properties.webUrl() + "/api/v1/notification-preferences/unsubscribe?token="
                  + unsubscribeTokens.issue(delivery.recipientId(), category);
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("footer", category == null ? text("footer.safety", locale)
                : text("footer." + category.wireName(), locale));
        context.setVariable("unsubscribeLabel", text("footer.unsubscribe", locale));

        MimeMessage message = new IdentifiedMessage(mail.createMimeMessage(), "<" + delivery.id() + "@teletherapy>");
        MimeMessageHelper helper = new SharedTypesHelper(message);
        helper.setFrom(from);
        helper.setTo(address(address, recipient));
        helper.setSubject(text(prefix + ".subject", locale, arguments));
        helper.setSentDate(java.util.Date.from(now));
        helper.setText(templates.process("message.txt", context), templates.process("message.html", context));
        if (unsubscribeUrl != null) {
            // RFC 8058: a mail program may offer one-click unsubscribe, POSTing List-Unsubscribe=One-Click here.
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.setHeader("X-Teletherapy-Kind", delivery.kind().wireName());
        String calendar = calendar(delivery, address, now);
        if (calendar != null) {
            String method = delivery.kind() == Kind.SESSION_CANCELLED ? "CANCEL" : "REQUEST";
            helper.addAttachment("session.ics", new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=" + method + "; charset=UTF-8"));
        }
        return message;
    }

    /**
     * A message whose Message-ID is its delivery's: a message sent twice (a lease run out mid-send) is recognisable
     * as the same message to mail programs and to the support desk, without any personal data in it.
     */
    private static final class IdentifiedMessage extends MimeMessage {

        private final String messageId;

        IdentifiedMessage(MimeMessage template, String messageId) {
            super(template.getSession());
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    /**
     * A helper that uses one file type map for every message: Spring makes a new one (reading {@code mime.types}
     * from the class path) for each message that is not the sender's own kind, and ours carry their delivery's id.
     */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap FILE_TYPES = fileTypes();

        SharedTypesHelper(MimeMessage message) throws MessagingException {
            super(message, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
    }

    private @Nullable String calendar(Delivery delivery, String address, Instant now) {
        return switch (delivery.kind()) {
            case SESSION_BOOKED, SESSION_RESCHEDULED, SESSION_CANCELLED -> CalendarInvite.write(
                    delivery.kind() == Kind.SESSION_CANCELLED, UUID.fromString(delivery.fact("uidSessionId")),
                    Integer.parseInt(delivery.fact("sequence")), Instant.parse(delivery.fact("startsAt")),
                    Instant.parse(delivery.fact("endsAt")), now, from.getAddress(), address);
            default -> null;
        };
    }

    private String link(Delivery delivery) {
        Map<String, String> facts = delivery.facts();
        return properties.webUrl() + switch (delivery.kind()) {
            case SESSION_BOOKED, SESSION_RESCHEDULED, SESSION_REMINDER -> "/sessions/" + facts.get("sessionId");
            case EXERCISE_ASSIGNED, EXERCISE_OVERDUE -> "/homework/" + facts.get("assignmentId");
            default -> "/";
        };
    }

    private static String time(Delivery delivery, java.time.ZoneId zone, Locale locale) {
        String at = delivery.facts().getOrDefault("startsAt", delivery.facts().get("dueAt"));
        if (at == null) {
            return "";
        }
        ZonedDateTime local = Instant.parse(at).atZone(zone);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(local) + ", "
               + DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local)
               + " (" + zone.getId() + ")";
    }

    private static Locale language(Locale wanted) {
        return LANGUAGES.stream().filter(language -> language.getLanguage().equals(wanted.getLanguage()))
                .findFirst().orElse(Locale.ENGLISH);
    }

    private static InternetAddress address(String address, @Nullable Recipient recipient) throws MessagingException {
        try {
            return recipient == null || recipient.displayName().isBlank() ? new InternetAddress(address, true)
                    : new InternetAddress(address, recipient.displayName(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String key, Locale locale, Object... arguments) {
        return texts.getMessage(key, arguments, locale);
    }
}
