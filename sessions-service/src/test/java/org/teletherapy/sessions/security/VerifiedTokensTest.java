package org.teletherapy.sessions.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teletherapy.sessions.SchedulingApiTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

/**
 * With real Keycloak tokens: a token is verified once and then known (the cache's hits count), yet a forged copy
 * of a known token is still refused and roles are still checked on every request.
 */
class VerifiedTokensTest extends SchedulingApiTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aKnownTokenIsNotVerifiedAgainButAForgedCopyAndAMissingRoleAreStillRefused() {
        String client = token("client1");
        double hitsBefore = hits();

        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(client)).exchange().expectStatus().isOk();
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(client)).exchange().expectStatus().isOk();
        assertThat(hits() - hitsBefore).isGreaterThanOrEqualTo(1);

        // The same header and claims with one signature character changed: verified, and refused, every time.
        int inSignature = client.lastIndexOf('.') + 10;
        char original = client.charAt(inSignature);
        String forged = client.substring(0, inSignature) + (original == 'A' ? 'B' : 'A') + client.substring(inSignature + 1);
        for (int attempt = 0; attempt < 2; attempt++) {
            web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(forged)).exchange()
                    .expectStatus().isUnauthorized();
        }
        // Known and valid, but a client's: the operators' endpoint still says no.
        web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(client)).exchange().expectStatus().isForbidden();
    }

    private double hits() {
        var counter = meters.find("cache.gets").tag("cache", "verified-tokens").tag("result", "hit").functionCounter();
        assertThat(counter).as("the verified-token cache's meters").isNotNull();
        return counter.count();
    }
}
