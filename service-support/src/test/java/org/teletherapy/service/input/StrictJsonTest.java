package org.teletherapy.service.input;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    enum Frequency { WEEKLY, EVERY_OTHER_WEEK }

    enum Reason { @JsonProperty("schedule-conflict") SCHEDULE_CONFLICT, @JsonProperty("illness") ILLNESS }

    record Request(Frequency frequency, Reason reason, Integer minutes, Integer count, Double weight, Boolean flag,
                   String text, Instant start, LocalDate day, LocalTime at, UUID id, List<String> tags) {
    }

    private final JsonMapper json = StrictJson.configure(JsonMapper.builder()).build();

    @Test
    void valuesInTheirOneFormAreRead() {
        Request read = json.readValue("""
                {"frequency":"WEEKLY","reason":"schedule-conflict","minutes":50,"count":3,"weight":1.5,"flag":true,
                 "text":"line one\\nline two\\ttabbed","start":"2026-03-02T09:00:00Z","day":"2026-03-02","at":"09:30",
                 "id":"3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f93","tags":["a"]}""", Request.class);

        assertThat(read.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(read.reason()).isEqualTo(Reason.SCHEDULE_CONFLICT);
        assertThat(read.minutes()).isEqualTo(50);
        assertThat(read.text()).isEqualTo("line one\nline two\ttabbed");
        assertThat(read.start()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(read.day()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(read.at()).isEqualTo(LocalTime.of(9, 30));
    }

    @Test
    void anInstantWithAnOffsetIsTheSameMoment() {
        assertThat(json.readValue("{\"start\":\"2026-03-02T10:00:00+01:00\"}", Request.class).start())
                .isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"frequency\":1}",
            "{\"frequency\":\"1\"}",
            "{\"frequency\":\"WEEKLY \"}",
            "{\"frequency\":\" WEEKLY\"}",
            "{\"frequency\":\"weekly\"}",
            "{\"frequency\":\"\"}",
            "{\"reason\":\"SCHEDULE_CONFLICT\"}",
            "{\"reason\":\"other\"}",
            "{\"minutes\":1.5}",
            "{\"minutes\":\"50\"}",
            "{\"minutes\":true}",
            "{\"minutes\":99999999999}",
            "{\"weight\":\"1.5\"}",
            "{\"flag\":\"true\"}",
            "{\"flag\":1}",
            "{\"text\":true}",
            "{\"text\":42}",
            "{\"text\":{\"a\":1}}",
            "{\"text\":\"nul\\u0000inside\"}",
            "{\"text\":\"bell\\u0007\"}",
            "{\"text\":\"c1\\u0085\"}",
            "{\"tags\":[1]}",
            "{\"start\":1767225600}",
            "{\"start\":\"2026-03-02T09:00:00\"}",
            "{\"start\":\"2026-03-02\"}",
            "{\"start\":\"-999999999-01-01T00:00:00Z\"}",
            "{\"start\":\"+1000000000-01-01T00:00:00Z\"}",
            "{\"start\":\"1899-12-31T23:59:59Z\"}",
            "{\"start\":\"+10000-01-01T00:00:00Z\"}",
            "{\"day\":\"2026-03-02T00:00:00Z\"}",
            "{\"day\":\"2026-02-30\"}",
            "{\"day\":20260302}",
            "{\"at\":\"9:30\"}",
            "{\"at\":570}",
            "{\"id\":\"1-2-3-4-5\"}",
            "{\"id\":\" 3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f93\"}",
            "{\"id\":\"\"}",
            "{\"minutes\":1,\"minutes\":2}",
            "{\"minutes\":1} {\"minutes\":2}",
            "{\"minutes\":1}]",
    })
    void coercionsAreRefused(String body) {
        assertThatThrownBy(() -> json.readValue(body, Request.class)).isInstanceOf(JacksonException.class);
    }

    @Test
    void theRefusalNamesTheFieldAndNotTheValue() {
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"ok\",\"secret\\u0000\"]}", Request.class))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(InputRules.CONTROL_CHARACTERS_MESSAGE);
                    assertThat(e.getPath()).extracting(JacksonException.Reference::getPropertyName).containsExactly("tags", null);
                    assertThat(e.getPath().get(1).getIndex()).isEqualTo(1);
                    assertThat(e.reason()).doesNotContain("secret");
                });
    }

    record Answers(Map<String, JsonNode> answers, JsonNode value) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"answers\":{\"q1\":\"a\\u0000b\"}}",
            "{\"answers\":{\"q1\":[\"ok\",{\"deep\":\"\\u0007\"}]}}",
            "{\"answers\":{\"q1\":{\"k\\u0000\":1}}}",
            "{\"value\":\"\\u0000\"}",
    })
    void freeFormJsonHoldsNoControlCharactersEither(String body) {
        assertThatThrownBy(() -> json.readValue(body, Answers.class)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void freeFormJsonIsReadAsSent() {
        Answers read = json.readValue("{\"answers\":{\"q1\":\"line\\nnext\",\"q2\":[1,true,null]},\"value\":3}",
                Answers.class);
        assertThat(read.answers().get("q1").stringValue()).isEqualTo("line\nnext");
        assertThat(read.value().intValue()).isEqualTo(3);
    }

    @Test
    void canonicalUuidsOnly() {
        assertThat(InputRules.uuid("3F2B9C4E-8D1A-4B6F-9E2D-5A7C1B0E4F93")).isPresent();
        assertThat(InputRules.uuid("3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f9")).isEmpty();
        assertThat(InputRules.uuid(" ")).isEmpty();
    }
}
