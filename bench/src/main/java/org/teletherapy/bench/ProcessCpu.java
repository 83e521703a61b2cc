package org.teletherapy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the platform's processes spent, read from Linux's /proc: what a request costs, not only how long it took.
 * A JVM's figure includes its JIT compiler and garbage collector threads, which a profiler's samples leave out.
 */
final class ProcessCpu {

    private final Map<String, Long> trees;
    private final Map<String, Long> single;

    /**
     * @param trees  components whose child processes count too (PostgreSQL's connections, Keycloak behind its script)
     * @param single components counted alone, such as this JVM, whose children are the platform itself
     */
    ProcessCpu(Map<String, Long> trees, Map<String, Long> single) {
        this.trees = new LinkedHashMap<>(trees);
        this.single = new LinkedHashMap<>(single);
    }

    /** CPU seconds of each component so far. */
    Map<String, Double> seconds() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        trees.forEach((component, pid) -> seconds.put(component, secondsOfTree(pid)));
        single.forEach((component, pid) -> seconds.put(component, secondsOf(pid)));
        return seconds;
    }

    /** A process's own CPU seconds, those of its ended children and those of the children running now. */
    private static double secondsOfTree(long pid) {
        double ended = ticks(pid, 13) + ticks(pid, 14);
        double running = ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToDouble(child -> secondsOf(child.pid())).sum();
        return secondsOf(pid) + ended / 100.0 + running;
    }

    /** User plus system CPU seconds of one process so far; 0 for one that has ended. */
    static double secondsOf(long pid) {
        return (ticks(pid, 11) + ticks(pid, 12)) / 100.0;
    }

    /** A field of /proc/PID/stat counted after the command name (utime is 11): clock ticks of 1/100 s. */
    private static long ticks(long pid, int field) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[field]);
        } catch (NoSuchFileException ended) {
            return 0;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
