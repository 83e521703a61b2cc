package org.teletherapy.devstack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class DevstackTest {

    @Test
    void aTakenPortIsNamedWithItsComponentAndTheVariableThatMovesIt() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Platform.PortPlan free = Platform.PortPlan.free();
            Platform.PortPlan withTakenNotesPort = new Platform.PortPlan(free.gateway(), free.sessions(),
                    squatter.getLocalPort(), free.exercises(), free.keycloak(), free.keycloakManagement(), free.kafka(),
                    free.kafkaController(), free.postgres(), free.zipkin());

            assertThat(Devstack.takenPort(withTakenNotesPort)).hasValue("Port " + squatter.getLocalPort()
                    + " (notes-service) is already in use. Stop what uses it, or choose another port with "
                    + "TELETHERAPY_NOTES_PORT. Nothing was started.");
            assertThat(Devstack.takenPort(free)).isEmpty();
        }
    }
}
