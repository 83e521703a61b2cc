package org.teletherapy.sessions.calendar;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/** One private, revocable feed token per person; the database keeps only its SHA-256. */
@Repository
public class CalendarFeeds {

    record Owner(UUID personId, String role) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient database;

    CalendarFeeds(DatabaseClient database) {
        this.database = database;
    }

    /** A new token for the person, replacing (and so revoking) any earlier one. */
    Mono<String> issue(UUID personId, String role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return database.sql("""
                        insert into calendar_feed (person_id, role, token_hash) values (:person, :role, :hash)
                        on conflict (person_id) do update set role = excluded.role, token_hash = excluded.token_hash,
                                                              created_at = now()""")
                .bind("person", personId).bind("role", role).bind("hash", hash(token))
                .then().thenReturn(token);
    }

    /** The person's feed stops working (their own choice, or their erasure). */
    public Mono<Void> revoke(UUID personId) {
        return database.sql("delete from calendar_feed where person_id = :person").bind("person", personId).then();
    }

    Mono<Instant> issuedAt(UUID personId) {
        return database.sql("select created_at from calendar_feed where person_id = :person")
                .bind("person", personId)
                .map(row -> row.get("created_at", Instant.class))
                .one();
    }

    Mono<Owner> owner(String token) {
        return database.sql("select person_id, role from calendar_feed where token_hash = :hash")
                .bind("hash", hash(token))
                .map(row -> new Owner(row.get("person_id", UUID.class), row.get("role", String.class)))
                .one();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
