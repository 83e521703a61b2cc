package org.teletherapy.notes.erasure;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.notes.audit.AuditContext;
import reactor.core.publisher.Mono;

/**
 * sessions-service erased a client's account: their notes go with it (the keys are destroyed, the rows stay), unless
 * the retention rule keeps them; either way the notes part is confirmed with {@code erasure.part-done}.
 */
@Component
class ClientErasedHandler implements EventHandler<ClientErased> {

    private final Erasures erasures;

    ClientErasedHandler(Erasures erasures) {
        this.erasures = erasures;
    }

    @Override
    public Class<ClientErased> eventClass() {
        return ClientErased.class;
    }

    @Override
    public Mono<Void> apply(ClientErased event, EventMetadata metadata) {
        return erasures.eraseForPlatform(AuditContext.forEvent(metadata.id()), event.clientId()).then();
    }
}
