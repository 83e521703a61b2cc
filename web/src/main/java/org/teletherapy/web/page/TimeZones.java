package org.teletherapy.web.page;

import java.time.ZoneId;
import java.util.List;

/** The time zones a person chooses from: region zones (Europe/Berlin), not the legacy aliases (CET, US/Pacific). */
public final class TimeZones {

    public static final List<String> ALL = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private TimeZones() {
    }
}
