package org.teletherapy.deploy.kubernetes;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one overlay renders to: each document as a {@link Manifest}, and each built-in kind also as the
 * Kubernetes client's model, read strictly ({@link StrictModels}). Reading fails on the first document that is not
 * valid, naming it.
 */
final class RenderedManifests {

    private final List<Manifest> manifests;
    private final Map<Manifest, Object> models;

    private RenderedManifests(List<Manifest> manifests, Map<Manifest, Object> models) {
        this.manifests = List.copyOf(manifests);
        this.models = models;
    }

    @SuppressWarnings("unchecked")
    static RenderedManifests read(String yamlStream) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Manifest> manifests = new ArrayList<>();
        for (Object document : yaml.loadAll(yamlStream)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map<?, ?>)) {
                throw new ManifestRefusedException("a document that is not a mapping: " + document);
            }
            manifests.add(Manifest.of((Map<String, Object>) document));
        }
        return of(manifests);
    }

    static RenderedManifests of(List<Manifest> manifests) {
        Map<Manifest, Object> models = new LinkedHashMap<>();
        for (Manifest manifest : manifests) {
            if (!StrictModels.isOperatorResource(manifest)) {
                models.put(manifest, StrictModels.parse(manifest));
            }
        }
        return new RenderedManifests(manifests, models);
    }

    /** The same documents with this one added: what the negative tests feed the checks. */
    RenderedManifests with(Manifest extra) {
        List<Manifest> all = new ArrayList<>(manifests);
        all.add(extra);
        return of(all);
    }

    /** The same documents with this one instead of the one of the same kind and name. */
    RenderedManifests replacing(Manifest replacement) {
        List<Manifest> all = new ArrayList<>();
        boolean replaced = false;
        for (Manifest manifest : manifests) {
            if (manifest.kind().equals(replacement.kind()) && manifest.name().equals(replacement.name())) {
                all.add(replacement);
                replaced = true;
            } else {
                all.add(manifest);
            }
        }
        if (!replaced) {
            throw new IllegalArgumentException("nothing to replace: " + replacement.id());
        }
        return of(all);
    }

    /** The same documents without this one. */
    RenderedManifests without(String kind, String name) {
        get(kind, name);
        return of(manifests.stream()
                .filter(manifest -> !(manifest.kind().equals(kind) && manifest.name().equals(name))).toList());
    }

    List<Manifest> all() {
        return manifests;
    }

    Stream<Manifest> ofKind(String kind) {
        return manifests.stream().filter(manifest -> manifest.kind().equals(kind));
    }

    Optional<Manifest> find(String kind, String name) {
        return ofKind(kind).filter(manifest -> manifest.name().equals(name)).findFirst();
    }

    Manifest get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " rendered"));
    }

    /** Every built-in object of this model type (V1Deployment, V1NetworkPolicy, ...). */
    <T> List<T> models(Class<T> model) {
        return models.values().stream().filter(model::isInstance).map(model::cast).toList();
    }
}
