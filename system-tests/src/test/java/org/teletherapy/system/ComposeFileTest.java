package org.teletherapy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml cannot run here (no Docker engine); it is checked against the Compose Specification instead. */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("teletherapy.root", ".."));

    private final JsonNode compose = readYaml(ROOT.resolve("docker-compose.yml"));

    @Test
    void composeFileFollowsTheComposeSpecification() {
        Set<ValidationMessage> problems = schema().validate(compose);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCatchesAMistake() {
        JsonNode broken = compose.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.get("services").get("gateway")).put("ports", "8080");
        assertThat(schema().validate(broken)).isNotEmpty();
    }

    @Test
    void everyPlatformComponentRunsWithAHealthCheck() {
        JsonNode services = compose.get("services");
        for (String name : new String[] {"postgres", "kafka", "keycloak", "gateway", "sessions-service", "notes-service",
                "exercises-service", "notifications-service", "web"}) {
            assertThat(services.has(name)).as(name + " is in docker-compose.yml").isTrue();
            assertThat(services.get(name).has("healthcheck")).as(name + " has a health check").isTrue();
        }
    }

    @Test
    void servicesWaitForTheirDependenciesToBeHealthy() {
        JsonNode dependsOn = compose.get("services").get("sessions-service").get("depends_on");
        for (String dependency : new String[] {"postgres", "kafka", "keycloak"}) {
            assertThat(dependsOn.get(dependency).get("condition").asText()).isEqualTo("service_healthy");
        }
    }

    @Test
    void noSecretIsWrittenIntoTheComposeFile() {
        StreamSupport.stream(compose.get("services").spliterator(), false)
                .map(service -> service.get("environment"))
                .filter(environment -> environment != null && environment.isObject())
                .flatMap(environment -> StreamSupport.stream(
                        ((Iterable<java.util.Map.Entry<String, JsonNode>>) environment::fields).spliterator(), false))
                .filter(entry -> entry.getKey().matches(".*(PASSWORD|SECRET).*"))
                .forEach(entry -> assertThat(entry.getValue().asText())
                        .as(entry.getKey() + " comes from the environment").startsWith("${"));
    }

    private static JsonSchema schema() {
        // Loaded by location so that the schema's relative $id resolves against it.
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:compose-spec.json"));
    }

    private static JsonNode readYaml(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
