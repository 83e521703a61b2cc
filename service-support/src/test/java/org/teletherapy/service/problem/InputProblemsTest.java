package org.teletherapy.service.problem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.teletherapy.service.input.StrictJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InputProblemsTest {

    enum Reason { @JsonProperty("schedule-conflict") SCHEDULE_CONFLICT, @JsonProperty("illness") ILLNESS }

    enum Frequency {
        DAILY, WEEKLY;

        @JsonValue
        String wire() {
            return name().toLowerCase();
        }

        @JsonCreator
        static Frequency fromWire(String value) {
            return Arrays.stream(values()).filter(f -> f.wire().equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown frequency"));
        }
    }

    record Window(String day, Integer minutes, Frequency frequency) {
    }

    record Request(Reason reason, Instant start, List<Window> weekly, String name) {
    }

    private final JsonMapper json = StrictJson.configure(JsonMapper.builder()).build();
    private final InputProblems problems = new InputProblems(json);

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"reason\":\"holiday\"}                      | reason             | must be one of schedule-conflict, illness",
            "{\"reason\":1}                                | reason             | must be one of schedule-conflict, illness",
            "{\"start\":\"soon\"}                          | start              | must be a date and time such as 2026-03-02T09:00:00Z, in the years 1900 to 9999",
            "{\"weekly\":[{\"minutes\":50},{\"minutes\":1.5}]} | weekly[1].minutes | must be a whole number",
            "{\"weekly\":[{\"frequency\":\"monthly\"}]} | weekly[0].frequency | must be one of daily, weekly",
            "{\"weekly\":[{\"frequency\":2}]}      | weekly[0].frequency | must be one of daily, weekly",
            "{\"weekly\":{}}                               | weekly             | must be a list",
            "{\"name\":true}                               | name               | must be a text (a JSON string)",
            "{\"name\":\"a\\u0000\"}                       | name               | must not contain control characters",
    })
    void aValueOfTheWrongKindIsAFieldError(String body, String field, String message) {
        ProblemDetail problem = problems.body(failure(body));

        assertThat(problem.getType().toString()).isEqualTo("urn:teletherapy:problem:malformed-request");
        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of("field", field, "message", message)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"a\",                  | not valid JSON",
            "{\"name\":\"a\"} {}               | something follows it",
            "[]                                | must be a JSON object",
            "{\"name\":\"a\",\"name\":\"b\"}   | more than once",
    })
    void aBodyThatIsNotOneJsonObjectIsMalformed(String body, String detail) {
        ProblemDetail problem = problems.body(failure(body));

        assertThat(problem.getType().toString()).isEqualTo("urn:teletherapy:problem:malformed-request");
        assertThat(problem.getDetail()).contains(detail);
    }

    @Test
    void aDuplicateKeyIsNamed() {
        ProblemDetail problem = problems.body(failure("{\"weekly\":[{\"day\":\"MONDAY\",\"day\":\"FRIDAY\"}]}"));

        assertThat(problem.getProperties()).containsEntry("errors",
                List.of(Map.of("field", "weekly[0].day", "message", "appears more than once")));
    }

    @Test
    void aQuoteIsShortAndPrintable() {
        String quoted = Problems.quote("Europe/\u0000" + "x".repeat(5000));

        assertThat(quoted).hasSize(41).startsWith("Europe/?xxx").endsWith("…");
    }

    private JacksonException failure(String body) {
        return catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Request.class));
    }
}
