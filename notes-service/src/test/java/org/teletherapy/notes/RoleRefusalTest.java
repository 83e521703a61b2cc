package org.teletherapy.notes;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.RoleRefusals;
import org.teletherapy.testsupport.RoleRefusals.Refusal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation refuses a role it does not allow with 403, before it looks at the (here invalid) body. */
@IntegrationTest
class RoleRefusalTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesAWrongRoleWhateverTheBody() {
        List<Refusal> refusals = RoleRefusals.of(context);
        assertThat(refusals).extracting(Refusal::toString).contains("client POST /api/v1/notes", "operator POST /api/v1/notes");
        return refusals.stream().map(refusal -> DynamicTest.dynamicTest(refusal.toString(), () ->
                RoleRefusals.assertRefused(web, refusal, tokenOf(refusal.role()))));
    }

    private String tokenOf(String role) {
        return tokens.computeIfAbsent(role, r -> Infrastructure.shared().keycloak()
                .accessToken(RoleRefusals.DEMO_USER_BY_ROLE.get(r)));
    }
}
