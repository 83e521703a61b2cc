package org.teletherapy.testsupport;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.RoleRefusals.Refusal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's API promises, checked against the running service: its OpenAPI document lists exactly the
 * operations it serves, with their roles and problem types; and every operation refuses a role it does not allow
 * with 403 before it looks at the body. A service's {@code ApiContractTest} extends this and adds its own details.
 */
@IntegrationTest
public abstract class ApiContractTests {

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected WebTestClient web;

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** The application's name, as its document's file under {@code target/openapi/} is called. */
    protected abstract String service();

    /** A few refusals the service certainly has (e.g. {@code "client PUT /api/v1/availability"}), so a scan that
     * found nothing cannot pass. */
    protected abstract List<String> knownRefusals();

    @Test
    void theDocumentListsEveryOperationServedWithItsRolesAndProblemTypesAndNoOther() {
        ApiDocuments.assertDescribesTheApplication(context, web, service());
    }

    @TestFactory
    Stream<DynamicTest> everyOperationRefusesAWrongRoleWhateverTheBody() {
        List<Refusal> refusals = RoleRefusals.of(context);
        assertThat(refusals).extracting(Refusal::toString).containsAll(knownRefusals());
        return refusals.stream().map(refusal -> DynamicTest.dynamicTest(refusal.toString(), () ->
                RoleRefusals.assertRefused(web, refusal, tokenOf(refusal.role()))));
    }

    private String tokenOf(String role) {
        return tokens.computeIfAbsent(role, r -> Infrastructure.shared().keycloak()
                .accessToken(RoleRefusals.DEMO_USER_BY_ROLE.get(r)));
    }
}
