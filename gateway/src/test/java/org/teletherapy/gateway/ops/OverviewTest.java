package org.teletherapy.gateway.ops;

import org.junit.jupiter.api.Test;
import org.teletherapy.service.ops.OpsState;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.service.ops.OpsState.DEGRADED;
import static org.teletherapy.service.ops.OpsState.DOWN;
import static org.teletherapy.service.ops.OpsState.UP;

/** How the overall status follows from Keycloak's and the services' states. */
class OverviewTest {

    @Test
    void upOnlyWhenKeycloakAndEveryServiceAreUp() {
        assertThat(Overview.overall(UP, services(UP, UP, UP))).isEqualTo(UP);
        assertThat(Overview.overall(UP, services(UP, DEGRADED, UP))).isEqualTo(DEGRADED);
        assertThat(Overview.overall(UP, services(UP, DOWN, UP))).isEqualTo(DEGRADED);
    }

    @Test
    void downWhenNobodyCanSignInOrNoServiceAnswers() {
        assertThat(Overview.overall(DOWN, services(UP, UP, UP))).isEqualTo(DOWN);
        assertThat(Overview.overall(UP, services(DOWN, DOWN, DOWN))).isEqualTo(DOWN);
    }

    private static List<Overview.Service> services(OpsState... states) {
        return java.util.Arrays.stream(states)
                .map(state -> new Overview.Service("a-service", state, OpsState.UNKNOWN, OpsState.UNKNOWN,
                        new Overview.Pipeline(null, null, null, null)))
                .toList();
    }
}
