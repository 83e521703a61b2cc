package org.teletherapy.sessions.roster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

import java.util.List;
import java.util.UUID;

/**
 * The demo realm's roster (therapist1: client1 and client2; therapist2: client3), put in place at start when
 * {@code teletherapy.demo.roster=true} (the devstack sets it). Linking publishes roster.linked, so the other
 * services learn the same roster.
 */
@Component
@ConditionalOnProperty(name = "teletherapy.demo.roster", havingValue = "true")
class DemoRoster implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRoster.class);

    private record Link(UUID therapist, String therapistName, UUID client, String clientName) {
    }

    private static final UUID THERAPIST1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000101");
    private static final UUID THERAPIST2 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000102");
    private static final List<Link> LINKS = List.of(
            new Link(THERAPIST1, "Theresa Lindqvist", UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000201"), "Clara Meyer"),
            new Link(THERAPIST1, "Theresa Lindqvist", UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000202"), "Chidi Nwosu"),
            new Link(THERAPIST2, "Tomas Okafor", UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000203"), "Camille Laurent"));

    private final RosterStore roster;
    private final TransactionalOperator transaction;

    DemoRoster(RosterStore roster, TransactionalOperator transaction) {
        this.roster = roster;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long created = transaction.transactional(Flux.fromIterable(LINKS)
                        .concatMap(link -> roster.link(link.therapist(), link.therapistName(), link.client(), link.clientName()))
                        .filter(Boolean::booleanValue)
                        .count())
                .block();
        if (created != null && created > 0) {
            log.info("demo roster: {} links created", created);
        }
    }
}
