package org.teletherapy.service.input;

import org.springframework.format.FormatterRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The same rules for path and query parameters as for JSON: a blank or padded id, or an instant in the year
 * -999999999, is the caller's mistake (400 naming the parameter), not a null that fails later with a 500.
 * Registered after Spring's own converters, so these win.
 */
public final class StrictParameterConversions implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, UUID.class,
                text -> InputRules.uuid(text).orElseThrow(() -> new IllegalArgumentException(InputRules.UUID_MESSAGE)));
        registry.addConverter(String.class, Instant.class,
                text -> InputRules.instant(text).orElseThrow(() -> new IllegalArgumentException(InputRules.INSTANT_MESSAGE)));
        registry.addConverter(String.class, LocalDate.class,
                text -> InputRules.date(text).orElseThrow(() -> new IllegalArgumentException(InputRules.DATE_MESSAGE)));
    }
}
