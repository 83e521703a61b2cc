package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Each event type's schema, derived from its record, against the snapshot committed in
 * {@code src/test/resources/event-schemas}: a producer cannot change what consumers read without this failing.
 *
 * <p>Run with {@code -Devents.updateSnapshots=true} to write missing snapshots and refresh those the record changed
 * compatibly. Incompatible snapshots are never overwritten.
 */
class EventSchemaSnapshotTest {

    private static final String UPDATE_PROPERTY = "events.updateSnapshots";
    private static final String REFRESH_HINT = "run ./mvnw -pl events verify -D" + UPDATE_PROPERTY
            + "=true to write the snapshot, and commit it";

    // Surefire runs in the module's directory and sets basedir; an IDE usually runs there too.
    private static final Path SNAPSHOTS = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("src/test/resources/event-schemas");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ObjectMapper JACKSON_2 = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    // Draft 2020-12 treats "format" as an annotation by default; asserting it checks uuid and date-time values too.
    private static final SchemaValidatorsConfig VALIDATION = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private final EventJson eventJson = new EventJson();

    static Stream<String> eventTypes() {
        return EventTypes.all().stream();
    }

    @BeforeAll
    static void updateSnapshotsWhenAsked() throws IOException {
        if (!Boolean.getBoolean(UPDATE_PROPERTY)) {
            return;
        }
        Files.createDirectories(SNAPSHOTS);
        for (String type : EventTypes.all()) {
            Path file = snapshotFile(type);
            ObjectNode current = currentSchema(type);
            if (!Files.exists(file) || SchemaCompatibility.compare(readSnapshot(type), current).isCompatible()) {
                Files.writeString(file, RecordSchemas.toText(current), StandardCharsets.UTF_8);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everyEventTypeHasASnapshot(String type) {
        assertThat(snapshotFile(type))
                .withFailMessage("No schema snapshot for %s at %s: %s", type, snapshotFile(type), REFRESH_HINT)
                .exists();
    }

    @Test
    void everySnapshotBelongsToAnEventType() throws IOException {
        Set<String> snapshotTypes = new TreeSet<>();
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".schema.json"))
                    .forEach(name -> snapshotTypes.add(name.substring(0, name.length() - ".schema.json".length())));
        }
        snapshotTypes.removeAll(EventTypes.all());
        assertThat(snapshotTypes)
                .withFailMessage("Snapshots of event types no longer registered in EventTypes: %s. Consumers may still "
                        + "read them from the topics; delete the files only once none does.", snapshotTypes)
                .isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaStaysCompatibleWithSnapshot(String type) throws IOException {
        SchemaCompatibility.Comparison comparison = SchemaCompatibility.compare(readSnapshot(type), currentSchema(type));

        if (!comparison.isCompatible()) {
            fail("%s changed incompatibly with its snapshot %s:%n  %s%nEvents already on the topic could no longer "
                    + "be read. Make the change compatible (add optional components instead) or introduce a new event "
                    + "type. Only while no consumer reads %s yet: delete the snapshot and %s.",
                    type, snapshotFile(type), String.join("\n  ", comparison.breakingChanges()), type, REFRESH_HINT);
        }
        if (!comparison.identical()) {
            fail("%s changed compatibly (%s); %s.", type,
                    comparison.compatibleChanges().isEmpty()
                            ? "the schema differs from its snapshot"
                            : String.join("; ", comparison.compatibleChanges()),
                    REFRESH_HINT);
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void serializedSampleMatchesSnapshot(String type) throws IOException {
        assertValid(type, eventJson.write(SampleEvents.of(type)));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void serializedSampleWithoutOptionalsMatchesSnapshot(String type) throws IOException {
        assertValid(type, eventJson.write(SampleEvents.withoutOptionals(SampleEvents.of(type))));
    }

    @Test
    void snapshotRejectsDataThatBreaksTheContract() throws IOException {
        String withoutClientId = "{\"sessionId\":\"3f333df6-90a4-4fda-8dd3-9485d27cee36\","
                + "\"therapistId\":\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"startsAt\":\"2026-03-09T14:00:00Z\","
                + "\"endsAt\":\"2026-03-09T14:50:00Z\",\"occurredAt\":\"2026-03-02T09:15:30Z\"}";
        String withBadUuidAndTime = withoutClientId.replace("{", "{\"clientId\":\"not-a-uuid\",")
                .replace("2026-03-09T14:00:00Z", "next monday");

        assertThat(violations("session.booked", bytes(withoutClientId))).hasSize(1);
        assertThat(violations("session.booked", bytes(withBadUuidAndTime))).hasSize(2);
    }

    private void assertValid(String type, byte[] data) throws IOException {
        assertThat(violations(type, data))
                .withFailMessage("%s data %s does not match its snapshot: %s", type,
                        new String(data, StandardCharsets.UTF_8), violations(type, data))
                .isEmpty();
    }

    /** The validator reads Jackson 2 trees, so the snapshot and the data cross over as bytes. */
    private static Set<ValidationMessage> violations(String type, byte[] data) throws IOException {
        JsonSchema schema = SCHEMAS.getSchema(JACKSON_2.readTree(snapshotBytes(type)), VALIDATION);
        return schema.validate(JACKSON_2.readTree(data));
    }

    private static ObjectNode currentSchema(String type) {
        return RecordSchemas.schemaOf(type, EventTypes.classOf(type).asSubclass(Record.class));
    }

    private static JsonNode readSnapshot(String type) throws IOException {
        return JSON.readTree(snapshotBytes(type));
    }

    private static byte[] snapshotBytes(String type) throws IOException {
        Path file = snapshotFile(type);
        if (!Files.exists(file)) {
            fail("No schema snapshot for %s at %s: %s", type, file, REFRESH_HINT);
        }
        return Files.readAllBytes(file);
    }

    private static Path snapshotFile(String type) {
        return SNAPSHOTS.resolve(type + ".schema.json");
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
