package org.teletherapy.devstack;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SupervisorTest {

    private static final Supervisor.Policy THREE_IN_FIVE_MINUTES =
            new Supervisor.Policy(3, Duration.ofMinutes(5), Duration.ZERO);

    @TempDir
    Path directory;

    private final List<String> console = new CopyOnWriteArrayList<>();
    private final List<ChildProcess> started = new CopyOnWriteArrayList<>();
    private final AtomicInteger restartsRecorded = new AtomicInteger();
    private Supervisor supervisor;

    @AfterEach
    void stopEverything() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(process -> process.stop(Duration.ofSeconds(5)));
    }

    @Test
    void aComponentThatDiesIsRestartedAndTheConsoleSaysWhichItWasAndItsExitCode() {
        supervisor = supervisor(THREE_IN_FIVE_MINUTES, Clock.systemUTC());
        // Dies on its first run, keeps running on the next.
        Supplier<ChildProcess> flaky = () -> start("if [ -f ran-once ]; then exec sleep 60; fi; touch ran-once; exit 3");
        ChildProcess first = flaky.get();

        supervisor.watch(first, new Supervisor.Restart(flaky, process -> { }));

        await().atMost(Duration.ofSeconds(20)).until(() -> console.stream().anyMatch(line -> line.contains("is back")));
        assertThat(console.get(0)).contains("flaky (pid " + first.pid() + ") exited with code 3; restarting it");
        assertThat(started).hasSize(2);
        assertThat(started.get(1).isAlive()).isTrue();
        assertThat(restartsRecorded).hasValue(1);
    }

    @Test
    void aComponentThatKeepsCrashingIsGivenUpAtTheThirdCrashWithTheEndOfItsLog() {
        supervisor = supervisor(THREE_IN_FIVE_MINUTES, Clock.systemUTC());
        Supplier<ChildProcess> broken = () -> start("echo cannot bind port 8081; exit 1");

        supervisor.watch(broken.get(), new Supervisor.Restart(broken, process -> { }));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> console.stream().anyMatch(line -> line.contains("not restarted again")));
        String givenUp = console.get(console.size() - 1);
        assertThat(givenUp).contains("exited with code 1", "3 crashes within 5 minutes", "cannot bind port 8081");
        assertThat(console.stream().filter(line -> line.contains("restarting it"))).hasSize(2);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> started.size() == 3);
    }

    @Test
    void crashesFurtherApartThanTheWindowAreEachRestarted() {
        MovableClock clock = new MovableClock();
        supervisor = supervisor(THREE_IN_FIVE_MINUTES, clock);
        AtomicInteger runs = new AtomicInteger();
        // Crashes five times, six minutes apart, then stays up.
        Supplier<ChildProcess> rarelyCrashing = () -> {
            clock.advance(Duration.ofMinutes(6));
            return start(runs.incrementAndGet() <= 5 ? "exit 2" : "exec sleep 60");
        };

        supervisor.watch(rarelyCrashing.get(), new Supervisor.Restart(rarelyCrashing, process -> { }));

        await().atMost(Duration.ofSeconds(30)).until(() -> started.size() == 6 && started.get(5).isAlive());
        assertThat(console).noneMatch(line -> line.contains("not restarted again"));
        assertThat(console.stream().filter(line -> line.contains("restarting it (restart 1;"))).hasSize(5);
    }

    @Test
    void aComponentStoppedOnPurposeIsNotRestarted() {
        supervisor = supervisor(THREE_IN_FIVE_MINUTES, Clock.systemUTC());
        Supplier<ChildProcess> steady = () -> start("exec sleep 60");
        ChildProcess process = steady.get();
        supervisor.watch(process, new Supervisor.Restart(steady, restarted -> { }));

        process.stop(Duration.ofSeconds(5));

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> started.size() == 1);
        assertThat(console).isEmpty();
    }

    @Test
    void aCtrlCThatReachesAChildBeforeTheLauncherStopsItIsNotTakenForACrash() {
        // Ctrl-C signals the whole process group: a child may exit a moment before the launcher's shutdown closes us.
        supervisor = supervisor(new Supervisor.Policy(3, Duration.ofMinutes(5), Duration.ofMillis(500)),
                Clock.systemUTC());
        Supplier<ChildProcess> steady = () -> start("exec sleep 60");
        ChildProcess process = steady.get();
        supervisor.watch(process, new Supervisor.Restart(steady, restarted -> { }));

        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        await().atMost(Duration.ofSeconds(5)).until(() -> !process.isAlive());
        supervisor.close();

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> started.size() == 1);
        assertThat(console).isEmpty();
    }

    @Test
    void aProcessItCannotRestartIsReportedWhenItStopsWithTheEndOfItsLog() {
        supervisor = supervisor(THREE_IN_FIVE_MINUTES, Clock.systemUTC());
        ChildProcess detached = start("echo shutting down; sleep 0.5");

        supervisor.report("postgres", ProcessHandle.of(detached.pid()).orElseThrow(),
                directory.resolve("logs").resolve("flaky.log"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !console.isEmpty());
        assertThat(console.get(0)).contains("postgres (pid " + detached.pid() + ") stopped", "./teletherapy up",
                "shutting down");
        assertThat(started).hasSize(1);
    }

    private Supervisor supervisor(Supervisor.Policy policy, Clock clock) {
        return new Supervisor(policy, console::add, clock, restartsRecorded::incrementAndGet);
    }

    private ChildProcess start(String script) {
        ChildProcess process = ChildProcess.start("flaky", List.of("sh", "-c", script), Map.of(), directory,
                directory.resolve("logs").resolve("flaky.log"));
        started.add(process);
        return process;
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
