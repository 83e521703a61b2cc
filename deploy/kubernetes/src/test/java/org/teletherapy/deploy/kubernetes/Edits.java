package org.teletherapy.deploy.kubernetes;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A copy of a rendered document with one thing changed: how the negative tests make a broken document. */
final class Edits {

    private static final Yaml YAML = new Yaml(new SafeConstructor(new LoaderOptions()),
            new Representer(new DumperOptions()), new DumperOptions());

    @SuppressWarnings("unchecked")
    static Manifest edited(Manifest original, Consumer<Map<String, Object>> edit) {
        Map<String, Object> copy = (Map<String, Object>) YAML.load(YAML.dump(original.body()));
        edit.accept(copy);
        return Manifest.of(copy);
    }

    /** The map at this path of keys and list indexes ("spec", "template", "spec", "containers", 0). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mapAt(Map<String, Object> document, Object... path) {
        Object current = document;
        for (Object step : path) {
            current = step instanceof Integer index ? ((List<Object>) current).get(index)
                    : ((Map<String, Object>) current).get((String) step);
        }
        return (Map<String, Object>) current;
    }

    private Edits() {
    }
}
