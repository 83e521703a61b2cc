package org.teletherapy.deploy.kubernetes;

import java.util.List;

/** What the manifests deploy of our own: one Deployment per application module, named as the module. */
final class Platform {

    static final List<String> APPLICATIONS = List.of("gateway", "web", "sessions-service", "notes-service",
            "exercises-service", "notifications-service");

    /** The images' registry and repository: ghcr.io/teletherapy/<module>, one image per module. */
    static String imageRepository(String application) {
        return "ghcr.io/teletherapy/" + application;
    }

    private Platform() {
    }
}
