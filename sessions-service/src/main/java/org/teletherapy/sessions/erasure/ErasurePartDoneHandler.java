package org.teletherapy.sessions.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.erasure.ErasurePartDone;
import reactor.core.publisher.Mono;

/**
 * Another service answered for its part of an erasure. Applied once per event (the inbox), and the latest answer of
 * a part wins, so a redelivered or repeated confirmation changes nothing. A service that was down answers when it
 * catches up with {@code client.erased}; its part stays pending until then.
 */
@Component
class ErasurePartDoneHandler implements EventHandler<ErasurePartDone> {

    private static final Logger log = LoggerFactory.getLogger(ErasurePartDoneHandler.class);

    private final ErasureStore store;

    ErasurePartDoneHandler(ErasureStore store) {
        this.store = store;
    }

    @Override
    public Class<ErasurePartDone> eventClass() {
        return ErasurePartDone.class;
    }

    @Override
    public Mono<Void> apply(ErasurePartDone event, EventMetadata metadata) {
        return store.recordPart(event.clientId(), Codes.of(event.part()), Codes.of(event.outcome()),
                        event.reasonCode() == null ? null : Codes.of(event.reasonCode()), event.occurredAt())
                .doOnNext(recorded -> {
                    if (!recorded) {
                        log.debug("a part-done event (event {}) matched no erasure of this service", metadata.id());
                    }
                })
                .then();
    }
}
