package org.teletherapy.service.input;

import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import java.beans.PropertyEditorSupport;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The same rules for path and query parameters as for JSON: a blank or padded id, or an instant in the year
 * -999999999, is the caller's mistake (400 naming the parameter), not a null or a date that fails later with a 500.
 * The converters are registered after Spring's own, so they win. UUIDs also need an editor: when conversion fails,
 * Spring falls back to its default {@code UUIDEditor}, which trims, takes "1-2-3-4-5" and turns a blank into null.
 */
@ControllerAdvice
public class StrictParameterConversions implements WebFluxConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, UUID.class,
                text -> InputRules.uuid(text).orElseThrow(() -> new IllegalArgumentException(InputRules.UUID_MESSAGE)));
        registry.addConverter(String.class, Instant.class,
                text -> InputRules.instant(text).orElseThrow(() -> new IllegalArgumentException(InputRules.INSTANT_MESSAGE)));
        registry.addConverter(String.class, LocalDate.class,
                text -> InputRules.date(text).orElseThrow(() -> new IllegalArgumentException(InputRules.DATE_MESSAGE)));
    }

    @InitBinder
    void strictUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(InputRules.uuid(text).orElseThrow(() -> new IllegalArgumentException(InputRules.UUID_MESSAGE)));
            }
        });
    }
}
