package org.teletherapy.web.homework;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deployment names the crisis lines that reach its clients; without any, the defaults stand. */
class CrisisPropertiesTest {

    @Test
    void aDeploymentsOwnLinesReplaceTheDefaults() {
        CrisisProperties crisis = bind(Map.of(
                "teletherapy.web.crisis.lines[0].name", "TelefonSeelsorge",
                "teletherapy.web.crisis.lines[0].number", "0800 111 0 111",
                "teletherapy.web.crisis.lines[0].description", "Free, day and night"));

        assertThat(crisis.lines()).containsExactly(
                new CrisisProperties.Line("TelefonSeelsorge", "0800 111 0 111", "Free, day and night"));
    }

    @Test
    void withoutConfigurationTheLocalEmergencyNumber988And116123AreOffered() {
        CrisisProperties crisis = bind(Map.of("teletherapy.web.crisis.unrelated", "x"));

        assertThat(crisis.lines()).extracting(CrisisProperties.Line::number).containsExactly(null, "988", "116 123");
    }

    private static CrisisProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("teletherapy.web.crisis", CrisisProperties.class);
    }
}
