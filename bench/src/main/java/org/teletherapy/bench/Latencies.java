package org.teletherapy.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** A latency histogram that prints p50, p95, p99 and max in milliseconds. */
final class Latencies {

    private final String name;
    private final Histogram histogram = new Histogram(TimeUnit.MINUTES.toNanos(2), 3);

    Latencies(String name) {
        this.name = name;
    }

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(0, Math.min(nanos, histogram.getHighestTrackableValue())));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized String summary() {
        return String.format("%-34s n=%-6d p50=%7.2f ms  p95=%7.2f ms  p99=%7.2f ms  max=%7.2f ms", name,
                histogram.getTotalCount(), millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(95)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
