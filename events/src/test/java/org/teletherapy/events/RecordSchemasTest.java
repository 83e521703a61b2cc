package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class RecordSchemasTest {

    enum Colour { @JsonProperty("deep-red") RED, GREEN }

    record Slot(Instant startsAt, @Nullable Instant endsAt) {
    }

    record Everything(UUID id, Instant at, String code, boolean flag, int count, long total, Colour colour,
            Slot slot, List<UUID> ids, @Nullable UUID maybe) {
    }

    record WithDate(LocalDate day) {
    }

    @Test
    void mapsEveryComponentTypeAndRequiresAllButNullableOnes() {
        String expected = """
                {
                  "$schema": "https://json-schema.org/draft/2020-12/schema",
                  "title": "test.everything",
                  "type": "object",
                  "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "at": {"type": "string", "format": "date-time"},
                    "code": {"type": "string"},
                    "flag": {"type": "boolean"},
                    "count": {"type": "integer"},
                    "total": {"type": "integer"},
                    "colour": {"type": "string", "enum": ["deep-red", "GREEN"]},
                    "slot": {
                      "type": "object",
                      "properties": {
                        "startsAt": {"type": "string", "format": "date-time"},
                        "endsAt": {"type": "string", "format": "date-time"}
                      },
                      "required": ["startsAt"]
                    },
                    "ids": {"type": "array", "items": {"type": "string", "format": "uuid"}},
                    "maybe": {"type": "string", "format": "uuid"}
                  },
                  "required": ["id", "at", "code", "flag", "count", "total", "colour", "slot", "ids"]
                }
                """;

        assertThat(RecordSchemas.schemaOf("test.everything", Everything.class))
                .isEqualTo(JsonMapper.builder().build().readTree(expected));
    }

    @Test
    void refusesTypesWithoutAnAgreedMapping() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordSchemas.schemaOf("test.date", WithDate.class))
                .withMessageContaining("java.time.LocalDate (component WithDate.day)");
    }
}
