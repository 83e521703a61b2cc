package org.teletherapy.exercises.roster;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.roster.RosterLinked;
import reactor.core.publisher.Mono;

@Component
class RosterLinkedHandler implements EventHandler<RosterLinked> {

    private final Roster roster;

    RosterLinkedHandler(Roster roster) {
        this.roster = roster;
    }

    @Override
    public Class<RosterLinked> eventClass() {
        return RosterLinked.class;
    }

    @Override
    public Mono<Void> apply(RosterLinked event, EventMetadata metadata) {
        return roster.linked(event);
    }
}
