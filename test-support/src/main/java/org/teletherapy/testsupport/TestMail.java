package org.teletherapy.testsupport;

import org.teletherapy.devstack.MailServer;
import org.teletherapy.devstack.Ports;

import java.util.List;

/**
 * The SMTP and IMAP server of the tests: GreenMail in this JVM on free ports, as in the devstack, started on first
 * use. A mailbox appears for each address mail arrives for. {@code stop()}/{@code start()} take SMTP away and back.
 */
public final class TestMail {

    private static MailServer server;

    private TestMail() {
    }

    public static synchronized MailServer shared() {
        if (server == null) {
            server = MailServer.start(Ports.free(), Ports.free(), List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mail-shutdown"));
        }
        return server;
    }
}
