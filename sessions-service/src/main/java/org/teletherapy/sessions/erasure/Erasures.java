package org.teletherapy.sessions.erasure;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.service.security.Caller;
import org.teletherapy.sessions.erasure.ErasureProblems.ErasureNotFoundException;
import org.teletherapy.sessions.erasure.ErasureProblems.NotAClientException;
import org.teletherapy.sessions.erasure.ErasureProblems.UnknownClientException;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Starting and reading erasures. A client is erased once: asking again (twice in a row, or racing) answers the
 * erasure that exists, whatever its state, and starts nothing. The saga itself is the {@link ErasureRunner}'s.
 */
@Service
class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    /** An erasure and whether this request started it. */
    record Started(ErasureView erasure, boolean created) {
    }

    private final ErasureStore store;
    private final ClientAccounts accounts;
    private final TransactionalOperator transaction;
    private final MeterRegistry meters;

    Erasures(ErasureStore store, ClientAccounts accounts, TransactionalOperator transaction, MeterRegistry meters) {
        this.store = store;
        this.accounts = accounts;
        this.transaction = transaction;
        this.meters = meters;
    }

    Mono<Started> start(Caller operator, UUID clientId, ErasureReason reason, @Nullable String reference) {
        return store.findByClient(clientId)
                .flatMap(existing -> view(existing).map(view -> new Started(view, false)))
                .switchIfEmpty(Mono.defer(() -> accounts.holderOf(clientId)
                        .flatMap(holder -> startFor(holder, operator, clientId, reason, reference))));
    }

    private Mono<Started> startFor(ClientAccounts.Holder holder, Caller operator, UUID clientId, ErasureReason reason,
                                   @Nullable String reference) {
        return switch (holder) {
            case NONE -> Mono.error(new UnknownClientException());
            case NOT_A_CLIENT -> Mono.error(new NotAClientException());
            case CLIENT -> create(operator, clientId, reason, reference);
        };
    }

    private Mono<Started> create(Caller operator, UUID clientId, ErasureReason reason, @Nullable String reference) {
        UUID id = UUID.randomUUID();
        return transaction.transactional(store.insert(id, clientId, reason, reference, operator.id()))
                .flatMap(created -> store.findByClient(clientId)
                        .flatMap(this::view)
                        .map(view -> new Started(view, created)))
                .doOnNext(started -> {
                    if (started.created()) {
                        meters.counter("teletherapy.erasures.started", "reason", reason.code()).increment();
                        // Who asked is kept with the erasure (requested_by), not in the log, which names no one.
                        log.info("erasure {} started ({})", id, reason.code());
                    }
                });
    }

    Mono<ErasureView> find(UUID id) {
        return store.find(id).switchIfEmpty(Mono.error(ErasureNotFoundException::new)).flatMap(this::view);
    }

    private Mono<ErasureView> view(ErasureStore.Erasure erasure) {
        return store.parts(erasure.id()).collectList().map(parts -> ErasureView.of(erasure, parts));
    }
}
