package org.teletherapy.devstack;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Properties;

/**
 * {@code ./teletherapy mail USER}: a demo user's recent messages, read over IMAP from the running platform's mail
 * server as any mail program would (login = the address, password {@code demo}).
 */
final class Mailbox {

    private static final String DEMO_DOMAIN = "@example.org";

    private Mailbox() {
    }

    /** {@code user} is a demo login (client1) or an address; shows the newest {@code count} messages, newest last. */
    static int print(String user, int imapPort, int count, PrintStream out) {
        String address = user.contains("@") ? user : user + DEMO_DOMAIN;
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, address, MailServer.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            out.printf("%d message(s) for %s (IMAP 127.0.0.1:%d, password %s)%n", messages.length, address, imapPort,
                    MailServer.PASSWORD);
            for (int i = Math.max(0, messages.length - count); i < messages.length; i++) {
                Message message = messages[i];
                out.printf("%n--- %s  %s%n    %s%n", message.getSentDate(), message.getFrom()[0], message.getSubject());
                out.println(text(message).strip().indent(4));
            }
            inbox.close(false);
            return 0;
        } catch (MessagingException | IOException e) {
            out.println("Could not read the mailbox of " + address + " (is the platform up? ./teletherapy status): "
                        + e.getMessage());
            return 1;
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = text(body);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }
}
