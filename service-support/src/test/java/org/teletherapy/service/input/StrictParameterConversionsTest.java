package org.teletherapy.service.input;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.format.DateTimeFormatters;
import org.springframework.boot.autoconfigure.web.format.WebConversionService;
import org.springframework.core.convert.ConversionFailedException;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictParameterConversionsTest {

    private final WebConversionService conversions = new WebConversionService(new DateTimeFormatters());

    StrictParameterConversionsTest() {
        new StrictParameterConversions().addFormatters(conversions);
    }

    @Test
    void idsAreCanonicalUuidsAndInstantsWithinTheYearsAllowed() {
        assertThat(conversions.convert("3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f93", UUID.class)).isNotNull();
        assertThat(conversions.convert("2026-03-02T09:00:00Z", Instant.class)).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        for (String id : new String[]{"1-2-3-4-5", " ", " 3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f93"}) {
            assertThatThrownBy(() -> conversions.convert(id, UUID.class)).as(id).isInstanceOf(ConversionFailedException.class);
        }
        for (String instant : new String[]{"-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "1767225600"}) {
            assertThatThrownBy(() -> conversions.convert(instant, Instant.class)).as(instant)
                    .isInstanceOf(ConversionFailedException.class);
        }
    }
}
