package org.teletherapy.service.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PathSecretsObservationFilterTest {

    @Test
    void idsAndFeedSecretsNeverReachASpanButThePathsShapeDoes() {
        List<Observation.Context> recorded = new ArrayList<>();
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationFilter(new PathSecretsObservationFilter())
                .observationHandler(new ObservationHandler<>() {
                    @Override
                    public void onStop(Observation.Context context) {
                        recorded.add(context);
                    }

                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return true;
                    }
                });

        Observation.createNotStarted("http.server.requests", registry)
                .highCardinalityKeyValue("http.url",
                        "/api/v1/clients/2f1d5a0e-6b0a-4c1e-9a51-000000000201/sessions?after=8F2A0C6E-6B0A-4C1E-9A51-000000000101")
                .lowCardinalityKeyValue("uri", "/api/v1/calendar/feeds/k3Jd9_sEcReT-token.ics")
                .highCardinalityKeyValue("http.uri", "http://127.0.0.1:8081/api/v1/calendar/feeds/k3Jd9_sEcReT-token.ics?x=1")
                .lowCardinalityKeyValue("method", "GET")
                .start().stop();

        Observation.Context context = recorded.get(0);
        assertThat(context.getHighCardinalityKeyValue("http.url").getValue())
                .isEqualTo("/api/v1/clients/{id}/sessions?after={id}");
        assertThat(context.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/api/v1/calendar/feeds/{token}");
        assertThat(context.getHighCardinalityKeyValue("http.uri").getValue())
                .isEqualTo("http://127.0.0.1:8081/api/v1/calendar/feeds/{token}?x=1");
        assertThat(context.getLowCardinalityKeyValue("method")).isEqualTo(KeyValue.of("method", "GET"));
    }
}
