package org.teletherapy.devstack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps the platform's child processes running while {@code ./teletherapy up} runs. When one exits without having
 * been asked to stop, it tells the person at the console which component died and with which exit code, and starts
 * it again; a component that keeps crashing is given up after {@link Policy#crashesToGiveUp()} crashes within
 * {@link Policy#window()}, with the end of its log, while the rest of the platform keeps running.
 */
public final class Supervisor implements AutoCloseable {

    /**
     * When to give up, and how long to wait before a restart. The wait also lets a Ctrl-C, which reaches the children
     * as well as the launcher, close the supervisor before a child it stopped could be taken for a crash.
     */
    public record Policy(int crashesToGiveUp, Duration window, Duration restartDelay) {

        public static Policy standard() {
            return new Policy(3, Duration.ofMinutes(5), Duration.ofSeconds(2));
        }
    }

    /** How to bring a component back: start it again, returning the new process, then wait until it is ready. */
    public record Restart(Supplier<ChildProcess> start, Consumer<ChildProcess> awaitReady) {
    }

    private static final int LOG_LINES = 20;

    private final Policy policy;
    private final Consumer<String> console;
    private final Clock clock;
    private final Runnable restarted;
    private final Map<String, Deque<Instant>> crashes = new HashMap<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "devstack-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;

    /** {@code restarted} runs after each restart (the launcher records the new process ids). */
    public Supervisor(Policy policy, Consumer<String> console, Clock clock, Runnable restarted) {
        this.policy = policy;
        this.console = console;
        this.clock = clock;
        this.restarted = restarted;
    }

    /** Watches {@code process}: if it exits unasked, {@code restart} brings it back (and is watched in turn). */
    public void watch(ChildProcess process, Restart restart) {
        process.onExit().thenAccept(code -> {
            try {
                handlers.execute(() -> exited(process, code, restart));
            } catch (RejectedExecutionException closing) {
                // closed: the platform is stopping
            }
        });
    }

    /**
     * Watches a process the devstack cannot start again by itself (PostgreSQL, which pg_ctl detaches): when it is
     * gone, says so with the end of {@code log}.
     */
    public void report(String name, ProcessHandle process, Path log) {
        process.onExit().thenAccept(gone -> {
            try {
                handlers.execute(() -> {
                    if (pause(policy.restartDelay()) && !closed) {
                        console.accept(String.format("%n%s (pid %d) stopped. The devstack cannot restart it: stop the "
                                        + "platform (Ctrl-C) and run ./teletherapy up again. Last lines of its log:%n%s",
                                name, gone.pid(), ChildProcess.tail(log, LOG_LINES).indent(2)));
                    }
                });
            } catch (RejectedExecutionException closing) {
                // closed: the platform is stopping
            }
        });
    }

    private void exited(ChildProcess process, int code, Restart restart) {
        if (!pause(policy.restartDelay()) || closed || process.stopRequested()) {
            return;
        }
        String name = process.name();
        int recent = recordCrash(name);
        String died = name + " (pid " + process.pid() + ") exited with code " + code + signal(code);
        if (recent >= policy.crashesToGiveUp()) {
            console.accept(String.format("%n%s: %d crashes within %d minutes, so it is not restarted again. "
                            + "The rest of the platform keeps running. Last lines of its log:%n%s", died, recent,
                    policy.window().toMinutes(), process.tail(LOG_LINES).indent(2)));
            return;
        }
        console.accept(String.format("%n%s; restarting it (restart %d; after %d crashes within %d minutes it is "
                + "given up).", died, recent, policy.crashesToGiveUp(), policy.window().toMinutes()));
        ChildProcess next;
        try {
            next = restart.start().get();
        } catch (RuntimeException e) {
            console.accept(name + " could not be restarted (" + e.getMessage() + ").");
            return;
        }
        if (next == null) {
            return;
        }
        watch(next, restart);
        restarted.run();
        Instant started = clock.instant();
        try {
            restart.awaitReady().accept(next);
            console.accept(String.format("%s is back (pid %d, ready after %.1f s).", name, next.pid(),
                    Duration.between(started, clock.instant()).toMillis() / 1000.0));
        } catch (RuntimeException e) {
            if (next.isAlive() && !closed) {
                console.accept(name + " runs again but is not ready: " + e.getMessage());
            }
            // a restart that died is reported by its own watch
        }
    }

    /** How many crashes of {@code name} fall within the window, this one included. */
    private synchronized int recordCrash(String name) {
        Instant now = clock.instant();
        Deque<Instant> times = crashes.computeIfAbsent(name, key -> new ArrayDeque<>());
        times.addLast(now);
        while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(policy.window()))) {
            times.removeFirst();
        }
        return times.size();
    }

    private static String signal(int code) {
        return code > 128 && code < 160 ? " (killed by signal " + (code - 128) + ")" : "";
    }

    private boolean pause(Duration delay) {
        try {
            TimeUnit.MILLISECONDS.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching: what exits from now on, because the platform stops it or a Ctrl-C reached it, stays stopped. */
    @Override
    public void close() {
        closed = true;
        handlers.shutdownNow();
    }
}
