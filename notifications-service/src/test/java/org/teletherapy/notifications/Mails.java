package org.teletherapy.notifications;

import biweekly.Biweekly;
import biweekly.ICalendar;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reading what GreenMail received: by recipient and what the message is about, its texts and its calendar entry. */
public final class Mails {

    private Mails() {
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Subject, every text part and the calendar, as one string. */
    public static String everything(MimeMessage message) {
        try {
            StringBuilder all = new StringBuilder(message.getSubject()).append('\n');
            for (Part part : parts(message)) {
                all.append(read(part)).append('\n');
            }
            return all.toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message, String mimeType) {
        return parts(message).stream().filter(part -> is(part, mimeType)).findFirst().map(Mails::read)
                .orElseThrow(() -> new AssertionError("no " + mimeType + " part"));
    }

    public static ICalendar calendar(MimeMessage message) {
        return Biweekly.parse(text(message, "text/calendar")).first();
    }

    public static Part calendarPart(MimeMessage message) {
        return parts(message).stream().filter(part -> is(part, "text/calendar")).findFirst()
                .orElseThrow(() -> new AssertionError("no calendar"));
    }

    private static boolean is(Part part, String mimeType) {
        try {
            return part.isMimeType(mimeType);
        } catch (MessagingException e) {
            return false;
        }
    }

    private static List<Part> parts(Part part) {
        List<Part> leaves = new ArrayList<>();
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    leaves.addAll(parts(body));
                }
            } else {
                leaves.add(part);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return leaves;
    }

    private static String read(Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
