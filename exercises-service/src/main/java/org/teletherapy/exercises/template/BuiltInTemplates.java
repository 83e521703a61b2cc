package org.teletherapy.exercises.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The library the platform ships with, kept as readable JSON in {@code classpath:templates/} (PHQ-9 and GAD-7 with
 * their published wording, and the trust-building exercises). Put in place at start, before the service reports
 * ready; a changed wording in a new release replaces the old one, under the same id.
 */
@Component
class BuiltInTemplates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInTemplates.class);
    static final String LOCATION = "classpath:templates/*.json";

    private final TemplateStore store;
    private final JsonMapper json;

    BuiltInTemplates(TemplateStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<ExerciseTemplate> templates = load(json);
        Flux.fromIterable(templates).concatMap(store::upsertBuiltIn).then().block(Duration.ofSeconds(60));
        log.info("{} built-in exercise templates in place", templates.size());
    }

    static List<ExerciseTemplate> load(JsonMapper json) {
        try {
            List<ExerciseTemplate> templates = new ArrayList<>();
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                try (InputStream in = resource.getInputStream()) {
                    templates.add(json.readValue(in, ExerciseTemplate.class));
                }
            }
            templates.sort(Comparator.comparing(ExerciseTemplate::key));
            return templates;
        } catch (IOException e) {
            throw new UncheckedIOException("built-in templates could not be read", e);
        }
    }
}
