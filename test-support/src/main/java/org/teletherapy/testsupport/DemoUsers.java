package org.teletherapy.testsupport;

import java.util.UUID;

/** The fixed user ids of the demo realm (keycloak/teletherapy-realm.json). */
public final class DemoUsers {

    public static final UUID THERAPIST1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000101");
    public static final UUID THERAPIST2 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000102");
    public static final UUID CLIENT1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000201");
    public static final UUID CLIENT2 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000202");
    public static final UUID CLIENT3 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000203");
    public static final UUID OPERATOR1 = UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000301");

    private DemoUsers() {
    }
}
