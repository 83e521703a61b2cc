package org.teletherapy.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A real SMTP and IMAP server (GreenMail) inside this JVM, on loopback. Every address given has a mailbox whose login
 * is the address and whose password is {@code demo}; mail to any other address gets a mailbox on arrival. It can be
 * stopped and started again on the same ports, which is how tests take SMTP away.
 */
public final class MailServer implements AutoCloseable {

    public static final String PASSWORD = "demo";

    private final int smtpPort;
    private final int imapPort;
    private final Collection<String> addresses;
    private GreenMail greenMail;

    private MailServer(int smtpPort, int imapPort, Collection<String> addresses) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.addresses = List.copyOf(addresses);
    }

    public static MailServer start(int smtpPort, int imapPort, Collection<String> addresses) {
        MailServer server = new MailServer(smtpPort, imapPort, addresses);
        server.start();
        return server;
    }

    public synchronized void start() {
        if (greenMail != null) {
            return;
        }
        GreenMailConfiguration configuration = GreenMailConfiguration.aConfig();
        for (String address : addresses) {
            configuration = configuration.withUser(address, address, PASSWORD);
        }
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.withConfiguration(configuration);
        server.start();
        greenMail = server;
    }

    /** Takes SMTP and IMAP away (connections are refused) until {@link #start()}; what was received is dropped. */
    public synchronized void stop() {
        if (greenMail == null) {
            return;
        }
        greenMail.stop();
        greenMail = null;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The messages received for {@code address} since the server (re)started, oldest first. */
    public synchronized List<MimeMessage> messagesTo(String address) {
        if (greenMail == null) {
            return List.of();
        }
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> isFor(message, address)).toList();
    }

    /** Every message received since the server (re)started, for anyone, oldest first. */
    public synchronized MimeMessage[] receivedMessages() {
        return greenMail == null ? new MimeMessage[0] : greenMail.getReceivedMessages();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(recipient -> recipient.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (MessagingException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
