package org.teletherapy.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/** The overlays under deploy/kubernetes/overlays, each rendered once per test run with the machine's kustomize. */
enum Overlay {
    PRODUCTION("production"),
    DEV("dev");

    private static final Map<Overlay, RenderedManifests> RENDERED = new EnumMap<>(Overlay.class);
    private static Kustomize kustomize;

    private final String directory;

    Overlay(String directory) {
        this.directory = directory;
    }

    Path path() {
        return Repository.manifests().resolve("overlays").resolve(directory);
    }

    synchronized RenderedManifests rendered() {
        return RENDERED.computeIfAbsent(this, overlay -> {
            if (!Files.isRegularFile(overlay.path().resolve("kustomization.yaml"))) {
                throw new AssertionError("no kustomization.yaml in " + overlay.path());
            }
            return RenderedManifests.read(kustomize().build(overlay.path()));
        });
    }

    private static synchronized Kustomize kustomize() {
        if (kustomize == null) {
            kustomize = Kustomize.onThisMachine();
        }
        return kustomize;
    }
}
