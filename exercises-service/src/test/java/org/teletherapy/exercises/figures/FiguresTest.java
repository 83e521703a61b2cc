package org.teletherapy.exercises.figures;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teletherapy.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class FiguresTest {

    @Autowired
    FiguresGauges gauges;

    @Autowired
    MeterRegistry meters;

    @Test
    void operatorsWatchHomeworkAndSafetyFiguresThatNeverNameAPerson() {
        gauges.refresh();

        for (String status : ExerciseFigures.STATUSES) {
            assertThat(meters.get("teletherapy.exercises.assignments").tag("status", status).gauge().value())
                    .isGreaterThanOrEqualTo(0);
        }
        assertThat(meters.find("teletherapy.exercises.completion.rate").gauge()).isNotNull();
        assertThat(meters.get("teletherapy.safety.alerts.open").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.get("teletherapy.safety.alerts.oldest.open.age").gauge().value()).isGreaterThanOrEqualTo(0);
        assertThat(meters.find("teletherapy.safety.acknowledge.time").timer()).isNotNull();
        // Statuses, kinds and instruments are fine as tags; ids of people never are.
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().matches("(?i).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-.*")));
    }
}
