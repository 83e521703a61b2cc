package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker behind the snapshot test, on small hand-made schemas: proof that the snapshot test can fail. */
class SchemaCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SNAPSHOT = """
            {
              "type": "object",
              "properties": {
                "clientId": {"type": "string", "format": "uuid"},
                "occurredAt": {"type": "string", "format": "date-time"},
                "late": {"type": "boolean"},
                "cancelledBy": {"type": "string", "enum": ["client", "therapist"]},
                "note": {"type": "string", "format": "uuid"}
              },
              "required": ["clientId", "occurredAt", "late", "cancelledBy"]
            }
            """;

    @Test
    void sameSchemaIsIdentical() {
        SchemaCompatibility.Comparison comparison = compare(SNAPSHOT, SNAPSHOT);

        assertThat(comparison.isCompatible()).isTrue();
        assertThat(comparison.identical()).isTrue();
    }

    @Test
    void removingAPropertyBreaks() {
        String current = SNAPSHOT.replace("\"late\": {\"type\": \"boolean\"},", "").replace("\"late\", ", "");

        assertThat(compare(SNAPSHOT, current).breakingChanges()).containsExactly("$.late: removed");
    }

    @Test
    void removingAnOptionalPropertyBreaks() {
        String current = SNAPSHOT.replace(",\n    \"note\": {\"type\": \"string\", \"format\": \"uuid\"}", "");

        assertThat(compare(SNAPSHOT, current).breakingChanges()).containsExactly("$.note: removed");
    }

    @Test
    void retypingAPropertyBreaks() {
        String current = SNAPSHOT.replace("\"late\": {\"type\": \"boolean\"}", "\"late\": {\"type\": \"string\"}");

        assertThat(compare(SNAPSHOT, current).breakingChanges())
                .containsExactly("$.late: type changed from \"boolean\" to \"string\"");
    }

    @Test
    void changingAFormatBreaks() {
        String current = SNAPSHOT.replace("\"format\": \"date-time\"", "\"format\": \"date\"");

        assertThat(compare(SNAPSHOT, current).breakingChanges())
                .containsExactly("$.occurredAt: format changed from \"date-time\" to \"date\"");
    }

    @Test
    void addingAnOptionalPropertyIsCompatibleButNotIdentical() {
        String current = SNAPSHOT.replace("\"late\": {\"type\": \"boolean\"},",
                "\"late\": {\"type\": \"boolean\"},\n    \"sessionId\": {\"type\": \"string\", \"format\": \"uuid\"},");

        SchemaCompatibility.Comparison comparison = compare(SNAPSHOT, current);

        assertThat(comparison.isCompatible()).isTrue();
        assertThat(comparison.identical()).isFalse();
        assertThat(comparison.compatibleChanges()).containsExactly("$.sessionId: added as optional");
    }

    @Test
    void addingARequiredPropertyBreaks() {
        String current = SNAPSHOT.replace("\"late\": {\"type\": \"boolean\"},",
                        "\"late\": {\"type\": \"boolean\"},\n    \"sessionId\": {\"type\": \"string\", \"format\": \"uuid\"},")
                .replace("\"required\": [", "\"required\": [\"sessionId\", ");

        assertThat(compare(SNAPSHOT, current).breakingChanges())
                .containsExactly("$.sessionId: added as required (events written before lack it)");
    }

    @Test
    void requiringAFormerlyOptionalPropertyBreaks() {
        String current = SNAPSHOT.replace("\"required\": [", "\"required\": [\"note\", ");

        assertThat(compare(SNAPSHOT, current).breakingChanges())
                .containsExactly("$.note: became required (events written before may lack it)");
    }

    @Test
    void makingARequiredPropertyOptionalIsCompatible() {
        String current = SNAPSHOT.replace("\"late\", ", "");

        SchemaCompatibility.Comparison comparison = compare(SNAPSHOT, current);

        assertThat(comparison.isCompatible()).isTrue();
        assertThat(comparison.compatibleChanges()).containsExactly("$.late: no longer required");
    }

    @Test
    void removingACodeBreaksAndAddingOneIsCompatible() {
        String fewer = SNAPSHOT.replace("[\"client\", \"therapist\"]", "[\"client\"]");
        String more = SNAPSHOT.replace("[\"client\", \"therapist\"]", "[\"client\", \"therapist\", \"system\"]");

        assertThat(compare(SNAPSHOT, fewer).breakingChanges()).containsExactly("$.cancelledBy: values removed [therapist]");
        assertThat(compare(SNAPSHOT, more).isCompatible()).isTrue();
        assertThat(compare(SNAPSHOT, more).compatibleChanges()).containsExactly("$.cancelledBy: values added [system]");
    }

    @Test
    void changesInsideNestedObjectsAndArraysAreFound() {
        String snapshot = """
                {"type": "object", "properties": {
                  "slot": {"type": "object", "properties": {"startsAt": {"type": "string", "format": "date-time"}},
                           "required": ["startsAt"]},
                  "sessionIds": {"type": "array", "items": {"type": "string", "format": "uuid"}}
                }, "required": ["slot", "sessionIds"]}
                """;
        String current = snapshot.replace("\"startsAt\": {\"type\": \"string\", \"format\": \"date-time\"}",
                        "\"beginsAt\": {\"type\": \"string\", \"format\": \"date-time\"}")
                .replace("\"required\": [\"startsAt\"]", "\"required\": [\"beginsAt\"]")
                .replace("\"items\": {\"type\": \"string\", \"format\": \"uuid\"}", "\"items\": {\"type\": \"integer\"}");

        assertThat(compare(snapshot, current).breakingChanges()).containsExactly(
                "$.slot.startsAt: removed",
                "$.slot.beginsAt: added as required (events written before lack it)",
                "$.sessionIds[]: type changed from \"string\" to \"integer\"");
    }

    private static SchemaCompatibility.Comparison compare(String snapshot, String current) {
        JsonNode before = JSON.readTree(snapshot);
        JsonNode after = JSON.readTree(current);
        return SchemaCompatibility.compare(before, after);
    }
}
