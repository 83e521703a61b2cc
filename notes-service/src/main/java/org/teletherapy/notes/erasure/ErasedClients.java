package org.teletherapy.notes.erasure;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Which clients were erased: what other features may ask of the erasures, which this feature owns. */
@Component
public class ErasedClients {

    private final DatabaseClient database;

    ErasedClients(DatabaseClient database) {
        this.database = database;
    }

    /** Those of the clients that were erased. */
    public Mono<Set<UUID>> among(Collection<UUID> clients) {
        if (clients.isEmpty()) {
            return Mono.just(Set.of());
        }
        return database.sql("select client_id from client_erasure where client_id = any(:clients)")
                .bind("clients", clients.stream().distinct().toArray(UUID[]::new))
                .map(row -> row.get("client_id", UUID.class))
                .all().collect(HashSet::new, Set::add);
    }
}
