package org.teletherapy.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendered document, as the YAML said it: kind, name and the whole body as nested maps and lists.
 *
 * @param body the document, unchanged (maps keep the document's order)
 */
record Manifest(String apiVersion, String kind, String name, Map<String, Object> body) {

    static Manifest of(Map<String, Object> body) {
        Object apiVersion = body.get("apiVersion");
        Object kind = body.get("kind");
        Object metadata = body.get("metadata");
        Object name = metadata instanceof Map<?, ?> map ? map.get("name") : null;
        if (!(apiVersion instanceof String) || !(kind instanceof String) || !(name instanceof String)) {
            throw new ManifestRefusedException("a document without apiVersion, kind or metadata.name: " + body);
        }
        return new Manifest((String) apiVersion, (String) kind, (String) name, body);
    }

    /** The API group: empty for the core group ({@code v1}). */
    String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    String version() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    }

    /** "Kind/name", for messages. */
    String id() {
        return kind + "/" + name;
    }

    /** The value at this path of map keys ({@code "spec", "kafka", "config"}), if every step is there. */
    Optional<Object> at(String... path) {
        return Documents.at(body, path);
    }

    Map<String, Object> map(String... path) {
        return Documents.map(body, path);
    }

    List<Object> list(String... path) {
        return Documents.list(body, path);
    }

    Map<String, Object> labels() {
        return map("metadata", "labels");
    }

    Map<String, Object> annotations() {
        return map("metadata", "annotations");
    }
}
