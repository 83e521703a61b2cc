package org.teletherapy.exercises.roster;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.roster.RosterUnlinked;
import reactor.core.publisher.Mono;

@Component
class RosterUnlinkedHandler implements EventHandler<RosterUnlinked> {

    private final Roster roster;

    RosterUnlinkedHandler(Roster roster) {
        this.roster = roster;
    }

    @Override
    public Class<RosterUnlinked> eventClass() {
        return RosterUnlinked.class;
    }

    @Override
    public Mono<Void> apply(RosterUnlinked event, EventMetadata metadata) {
        return roster.unlinked(event);
    }
}
