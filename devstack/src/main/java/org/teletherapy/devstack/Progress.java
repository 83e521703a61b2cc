package org.teletherapy.devstack;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/** What each component is doing while the platform comes up, as one line a person can watch. */
public final class Progress {

    private enum State { STARTING, READY, FAILED }

    private record Entry(State state, Instant since, Duration took) {
    }

    private final Map<String, Entry> components = new LinkedHashMap<>();

    public synchronized void starting(String component) {
        components.put(component, new Entry(State.STARTING, Instant.now(), null));
    }

    public synchronized void ready(String component) {
        Entry entry = components.get(component);
        Instant since = entry == null ? Instant.now() : entry.since();
        components.put(component, new Entry(State.READY, since, Duration.between(since, Instant.now())));
    }

    public synchronized void failed(String component) {
        Entry entry = components.get(component);
        components.put(component, new Entry(State.FAILED, entry == null ? Instant.now() : entry.since(), null));
    }

    public synchronized String line() {
        StringJoiner line = new StringJoiner("  ");
        Instant now = Instant.now();
        components.forEach((name, entry) -> line.add(switch (entry.state()) {
            case READY -> name + " ready (" + seconds(entry.took()) + ")";
            case FAILED -> name + " FAILED";
            case STARTING -> name + " starting " + seconds(Duration.between(entry.since(), now));
        }));
        return line.toString();
    }

    private static String seconds(Duration duration) {
        return String.format("%.1fs", duration.toMillis() / 1000.0);
    }
}
