package org.teletherapy.web.homework;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * Where a client can get help at once, shown when their answers need a therapist's follow-up (the API says so). Each
 * deployment lists the lines that reach its clients, e.g. {@code teletherapy.web.crisis.lines[0].name=TelefonSeelsorge},
 * {@code ...lines[0].number=0800 111 0 111}, {@code ...lines[0].description=Free, day and night}. A name or description
 * may also be a message key, so it comes out in the page's language; the defaults are such keys (the local emergency
 * number, 988 in the US, 116 123 in the EU).
 */
@ConfigurationProperties("teletherapy.web.crisis")
public record CrisisProperties(List<Line> lines) {

    /** @param number what to dial, as people write it ({@code 116 123}); none for "your local emergency number" */
    public record Line(String name, String number, String description) {
    }

    static final List<Line> DEFAULT_LINES = List.of(
            new Line("crisis.line.emergency.name", null, "crisis.line.emergency.description"),
            new Line("crisis.line.988.name", "988", "crisis.line.988.description"),
            new Line("crisis.line.116123.name", "116 123", "crisis.line.116123.description"));

    public CrisisProperties {
        lines = lines == null || lines.isEmpty() ? DEFAULT_LINES : List.copyOf(lines);
    }
}
