package org.teletherapy.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevstackTest {

    @Test
    void aTakenPortIsNamedWithItsComponentAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Platform.PortPlan free = Platform.PortPlan.free();
            Platform.PortPlan withTakenNotesPort = new Platform.PortPlan(free.gateway(), free.sessions(),
                    squatter.getLocalPort(), free.exercises(), free.web(), free.keycloak(), free.keycloakManagement(), free.kafka(),
                    free.kafkaController(), free.postgres(), free.zipkin(), free.management());

            assertThat(Devstack.takenPort(withTakenNotesPort)).hasValue("Port " + squatter.getLocalPort()
                    + " (notes-service) is already in use. Stop what uses it, or choose another port with "
                    + "TELETHERAPY_NOTES_PORT. Nothing was started.");
            assertThat(Devstack.takenPort(free)).isEmpty();
        }
    }

    @Test
    void aTakenManagementPortIsNamedWithTheVariableThatMovesIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Platform.PortPlan free = Platform.PortPlan.free();
            Map<Platform.App, Integer> management = new EnumMap<>(free.management());
            management.put(Platform.App.SESSIONS, squatter.getLocalPort());
            Platform.PortPlan withTakenManagementPort = new Platform.PortPlan(free.gateway(), free.sessions(),
                    free.notes(), free.exercises(), free.web(), free.keycloak(), free.keycloakManagement(), free.kafka(),
                    free.kafkaController(), free.postgres(), free.zipkin(), management);

            assertThat(Devstack.takenPort(withTakenManagementPort)).hasValue("Port " + squatter.getLocalPort()
                    + " (sessions-service-management) is already in use. Stop what uses it, or choose another port "
                    + "with TELETHERAPY_SESSIONS_MANAGEMENT_PORT. Nothing was started.");
        }
    }
}
