package org.teletherapy.devstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/** The command line behind {@code ./teletherapy}: {@code up}, {@code down}, {@code status}, {@code reset}. */
public final class Devstack {

    /**
     * How the devstack runs each service: small heaps for a laptop that runs them all at once. The JIT compiles fully
     * (no {@code TieredStopAtLevel=1}): quick-only compiled code kept pages at p95 250-1150 ms with ten users on two
     * cores, fully compiled code at 100-170 ms once warm (bench/run pages); it costs CPU in the first minutes.
     */
    public static final List<String> SERVICE_JVM_OPTIONS = List.of(
            "-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxDirectMemorySize=64m", "-Xss512k",
            // A JVM out of memory limps on half-broken; exiting lets the supervisor start it afresh.
            "-XX:+ExitOnOutOfMemoryError");

    private final Workspace workspace;

    private Devstack(Workspace workspace) {
        this.workspace = workspace;
    }

    public static void main(String[] args) {
        Devstack devstack = new Devstack(Workspace.detect());
        String command = args.length == 0 ? "help" : args[0];
        int exit = switch (command) {
            case "up" -> devstack.up();
            case "down" -> devstack.down();
            case "status" -> devstack.status();
            case "reset" -> devstack.reset();
            case "mail" -> args.length < 2 ? usage() : Mailbox.print(args[1], Platform.PortPlan.defaults().imap(), 10, System.out);
            default -> usage();
        };
        System.exit(exit);
    }

    private static int usage() {
        System.out.println("usage: ./teletherapy up | down | status | logs [component] | reset | mail USER");
        return 2;
    }

    private Path pidFile() {
        return workspace.runDirectory().resolve("devstack.pid");
    }

    private Path componentsFile() {
        return workspace.runDirectory().resolve("components.properties");
    }

    private Optional<ProcessHandle> runningLauncher() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    int up() {
        if (runningLauncher().isPresent()) {
            System.out.println("The platform is already running (./teletherapy status, ./teletherapy down).");
            return 1;
        }
        Platform.PortPlan ports = Platform.PortPlan.defaults();
        Optional<String> taken = takenPort(ports);
        if (taken.isPresent()) {
            System.out.println(taken.get());
            return 1;
        }
        writePidFile();
        // Before anything logs: the launcher's own log (Kafka's) is created private too.
        OwnerOnly.directory(workspace.logDirectory());
        OwnerOnly.file(workspace.logDirectory().resolve("kafka.log"));
        Progress progress = new Progress();
        Thread ticker = startTicker(progress);
        Instant started = Instant.now();
        Platform platform;
        try {
            platform = Platform.start(new Platform.Options(workspace, ports, workspace.dataDirectory(),
                    workspace.logDirectory(), Secrets.loadOrCreate(workspace.devstackDirectory().resolve("secrets.properties")),
                    progress, SERVICE_JVM_OPTIONS, true));
        } catch (ComponentFailedException e) {
            ticker.interrupt();
            System.out.println();
            System.out.println("FAILED: " + e.getMessage());
            System.out.println("Last lines of its log:");
            System.out.println(e.logTail().indent(2));
            System.out.println("Logs: " + workspace.logDirectory());
            deleteRunFiles();
            return 1;
        }
        ticker.interrupt();
        System.out.println(progress.line());
        Optional<PrometheusServer> prometheus = startPrometheus(platform, ports);
        writeComponents(platform, ports, prometheus);
        Supervisor supervisor = new Supervisor(Supervisor.Policy.standard(), System.out::println, Clock.systemUTC(),
                () -> writeComponents(platform, ports, prometheus));
        platform.supervise(supervisor);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.close();
            System.out.println("\nStopping the platform…");
            prometheus.ifPresent(PrometheusServer::close);
            platform.close();
            deleteRunFiles();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "devstack-shutdown"));
        new DemoData(DemoData.FIRST_SIGN_IN, platform.gatewayUrl(), platform.keycloak().url(), Clock.systemUTC(), System.out::println).seed();
        printBanner(platform, prometheus, Duration.between(started, Instant.now()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The first port of the plan that something else holds, as a message saying how to get past it. */
    static Optional<String> takenPort(Platform.PortPlan ports) {
        return ports.byComponent().entrySet().stream()
                .filter(port -> Ports.isTaken(port.getValue()))
                .findFirst()
                .map(port -> String.format("Port %d (%s) is already in use. Stop what uses it, or choose another port "
                                + "with TELETHERAPY_%s_PORT. Nothing was started.", port.getValue(), port.getKey(),
                        port.getKey().replace("-service", "").replace('-', '_').toUpperCase()));
    }

    private Thread startTicker(Progress progress) {
        Thread ticker = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(3000);
                    System.out.println(progress.line());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "devstack-progress");
        ticker.setDaemon(true);
        ticker.start();
        return ticker;
    }

    /** Prometheus is optional: started when installed, otherwise the banner says how to add it. */
    private Optional<PrometheusServer> startPrometheus(Platform platform, Platform.PortPlan ports) {
        Optional<Path> binary = PrometheusServer.binary();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        int port = prometheusPort();
        if (Ports.isTaken(port)) {
            System.out.printf("Prometheus not started: port %d is in use (TELETHERAPY_PROMETHEUS_PORT moves it).%n", port);
            return Optional.empty();
        }
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        for (Platform.App app : Platform.App.values()) {
            targets.put(app.module(), "127.0.0.1:" + ports.managementOf(app));
        }
        PrometheusServer server = PrometheusServer.launch(binary.get(), port, targets,
                workspace.root().resolve("observability/prometheus/rules"), Duration.ofSeconds(15),
                workspace.dataDirectory().resolve("prometheus"),
                workspace.logDirectory().resolve("prometheus.log"));
        try {
            server.awaitReady(Duration.ofSeconds(60));
            return Optional.of(server);
        } catch (ComponentFailedException e) {
            server.close();
            System.out.println("Prometheus did not start (" + e.getMessage() + "); the platform runs without it. Log: "
                    + workspace.logDirectory().resolve("prometheus.log"));
            return Optional.empty();
        }
    }

    private static int prometheusPort() {
        String configured = System.getenv("TELETHERAPY_PROMETHEUS_PORT");
        return configured == null || configured.isBlank() ? 9090 : Integer.parseInt(configured.trim());
    }

    private void printBanner(Platform platform, Optional<PrometheusServer> prometheus, Duration took) {
        String keycloak = platform.keycloak().url();
        String metrics = prometheus.map(server -> server.url() + "   (alert rules from observability/prometheus/rules)")
                .orElse("not installed, so not started: " + PrometheusServer.HOW_TO_INSTALL);
        System.out.printf("""

                The teletherapy platform is up (%.1f s).

                  Open %s/ in your browser and sign in as client1 / demo.

                  Gateway (API)      %s
                  Keycloak           %s   (admin console: user 'admin', password in .devstack/secrets.properties)
                  PostgreSQL         psql -h 127.0.0.1 -p %d -U postgres
                  Kafka              %s
                  Zipkin (traces)    %s
                  Mail (GreenMail)   SMTP 127.0.0.1:%d, IMAP 127.0.0.1:%d   (each demo user's mailbox: login = e-mail
                                     address, e.g. client1@example.org, password 'demo'; ./teletherapy mail client1)
                  Prometheus         %s
                  Logs               ./teletherapy logs [component]   (%s; JSON lines in *.jsonl)

                Demo logins (password 'demo' for all):
                  therapist1, therapist2       therapists (client1 and client2 see therapist1, client3 sees therapist2)
                  client1, client2, client3    clients
                  operator1                    operator

                Try it:
                  TOKEN=$(curl -s -d grant_type=password -d client_id=teletherapy-cli -d username=client1 -d password=demo \\
                    %s/realms/teletherapy/protocol/openid-connect/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                  curl -H "Authorization: Bearer $TOKEN" %s/api/v1/sessions

                Press Ctrl-C to stop everything (or run ./teletherapy down in another terminal).
                """, took.toMillis() / 1000.0, platform.gatewayUrl(), platform.gatewayUrl(), keycloak, platform.postgres().port(),
                platform.kafka().bootstrapServers(), platform.zipkin().url(), platform.mail().smtpPort(),
                platform.mail().imapPort(), metrics, workspace.logDirectory(), keycloak,
                platform.gatewayUrl());
    }

    int down() {
        Optional<ProcessHandle> launcher = runningLauncher();
        if (launcher.isEmpty()) {
            killLeftovers();
            System.out.println("The platform is not running.");
            return 0;
        }
        System.out.println("Stopping the platform…");
        ProcessTree.terminate(launcher.get(), Duration.ofSeconds(90));
        killLeftovers();
        deleteRunFiles();
        System.out.println("Stopped.");
        return 0;
    }

    /** Children of a launcher that was killed hard (kill -9) would otherwise keep their ports. */
    private void killLeftovers() {
        Properties components = readComponents();
        // PostgreSQL last: its clients go first, so its smart shutdown does not wait on them.
        components.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".pid"))
                .sorted(java.util.Comparator.comparing(key -> key.equals("postgres.pid")))
                .forEach(key -> ProcessHandle.of(Long.parseLong(components.getProperty(key))).ifPresent(handle ->
                        ProcessTree.terminate(handle, Duration.ofSeconds(20))));
    }

    int status() {
        if (runningLauncher().isEmpty()) {
            System.out.println("The platform is not running. Start it with ./teletherapy up");
            return 3;
        }
        Properties components = readComponents();
        System.out.printf("%-20s %-8s %-10s %s%n", "component", "pid", "RSS (MB)", "health");
        long launcherPid = runningLauncher().get().pid();
        System.out.printf("%-20s %-8d %-10s %s%n", "launcher+kafka", launcherPid, rssMegabytes(launcherPid, false),
                Ports.isTaken(Integer.parseInt(components.getProperty("kafka.port", "0"))) ? "listening" : "DOWN");
        String postgresPid = components.getProperty("postgres.pid", "-");
        System.out.printf("%-20s %-8s %-10s %s%n", "postgres", postgresPid,
                postgresPid.equals("-") ? "-" : rssMegabytes(Long.parseLong(postgresPid), true),
                Ports.isTaken(Integer.parseInt(components.getProperty("postgres.port", "0"))) ? "listening" : "DOWN");
        for (String name : List.of("keycloak", "zipkin", "prometheus", "gateway", "sessions-service", "notes-service",
                "exercises-service")) {
            if (name.equals("prometheus") && !components.containsKey("prometheus.pid")) {
                System.out.printf("%-20s %-8s %-10s %s%n", name, "-", "-", "not started");
                continue;
            }
            String pid = components.getProperty(name + ".pid", "-");
            String health = components.getProperty(name + ".health");
            boolean healthy = health != null && ChildProcess.answersOk(URI.create(health));
            System.out.printf("%-20s %-8s %-10s %s%n", name, pid, pid.equals("-") ? "-" : rssMegabytes(Long.parseLong(pid), true),
                    healthy ? "UP" : "DOWN");
        }
        return 0;
    }

    /**
     * Resident memory of a process, with its descendants where they belong to it (kc.sh runs Keycloak's JVM as a
     * child; PostgreSQL runs a process per connection). Shared pages count in each process, so sums overstate a bit.
     */
    private static String rssMegabytes(long pid, boolean withDescendants) {
        long kilobytes = ProcessHandle.of(pid).stream()
                .flatMap(handle -> withDescendants
                        ? java.util.stream.Stream.concat(java.util.stream.Stream.of(handle), handle.descendants())
                        : java.util.stream.Stream.of(handle))
                .mapToLong(handle -> rssKilobytes(handle.pid())).sum();
        return kilobytes == 0 ? "?" : String.valueOf(kilobytes / 1024);
    }

    private static long rssKilobytes(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> line.replaceAll("\\D", ""))
                    .mapToLong(Long::parseLong).findFirst().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    int reset() {
        if (runningLauncher().isPresent()) {
            System.out.println("The platform is running: stop it first (./teletherapy down).");
            return 1;
        }
        try {
            KeycloakDistribution.deleteRecursively(workspace.dataDirectory());
            KeycloakDistribution.deleteRecursively(workspace.logDirectory());
            Files.deleteIfExists(workspace.devstackDirectory().resolve("secrets.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("Removed the devstack's data, logs and generated secrets. The next ./teletherapy up starts fresh.");
        return 0;
    }

    private void writePidFile() {
        try {
            Files.createDirectories(workspace.runDirectory());
            Files.writeString(pidFile(), String.valueOf(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // synchronized: the supervisor rewrites it after each restart, possibly two at once.
    private synchronized void writeComponents(Platform platform, Platform.PortPlan ports,
                                              Optional<PrometheusServer> prometheus) {
        Properties properties = new Properties();
        platform.childPids().forEach((name, pid) -> properties.setProperty(name + ".pid", String.valueOf(pid)));
        properties.setProperty("keycloak.health", "http://127.0.0.1:" + ports.keycloakManagement() + "/health/ready");
        properties.setProperty("zipkin.health", platform.zipkin().url() + "/health");
        prometheus.ifPresent(server -> {
            properties.setProperty("prometheus.pid", String.valueOf(server.process().pid()));
            properties.setProperty("prometheus.health", server.url() + "/-/ready");
        });
        for (Platform.App app : Platform.App.values()) {
            properties.setProperty(app.module() + ".health", platform.url(app) + "/readyz");
        }
        platform.postgresPid().ifPresent(pid -> properties.setProperty("postgres.pid", String.valueOf(pid)));
        properties.setProperty("kafka.port", String.valueOf(ports.kafka()));
        properties.setProperty("postgres.port", String.valueOf(ports.postgres()));
        try (Writer writer = Files.newBufferedWriter(componentsFile())) {
            properties.store(writer, "the running devstack");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Properties readComponents() {
        Properties properties = new Properties();
        if (Files.exists(componentsFile())) {
            try (Reader reader = Files.newBufferedReader(componentsFile())) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private void deleteRunFiles() {
        try {
            Files.deleteIfExists(componentsFile());
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // stale run files are detected by their dead pid
        }
    }
}
