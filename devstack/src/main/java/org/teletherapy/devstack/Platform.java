package org.teletherapy.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The whole platform on one machine without Docker: PostgreSQL, Kafka, Keycloak with the demo realm, and the gateway
 * and the three services as child processes. {@code ./teletherapy up} runs it on the fixed ports of DESIGN.md;
 * system tests run it on free ports.
 */
public final class Platform implements AutoCloseable {

    public static final String REALM = "teletherapy";
    /** Where the demo's safety escalations go. */
    public static final String ON_CALL_ADDRESS = "on-call@example.org";
    // Five applications, Keycloak and Kafka starting at once on two cores take about a minute; a busy machine (a test
    // run beside it) has been seen to need 3½, so give up only well after that.
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration KEYCLOAK_START_TIMEOUT = Duration.ofMinutes(5);

    /** The Spring Boot applications, each with its module name and (for services) its database. */
    public enum App {
        GATEWAY("gateway", null),
        SESSIONS("sessions-service", "sessions"),
        NOTES("notes-service", "notes"),
        EXERCISES("exercises-service", "exercises"),
        NOTIFICATIONS("notifications-service", "notifications"),
        WEB("web", null);

        private final String module;
        private final String database;

        App(String module, String database) {
            this.module = module;
            this.database = database;
        }

        public String module() {
            return module;
        }

        public String database() {
            return database;
        }
    }

    /**
     * Where each component listens. Each application also has a management port (health, metrics) on loopback,
     * apart from the port it serves its API on. The mail server (GreenMail) takes SMTP and IMAP.
     */
    public record PortPlan(int gateway, int sessions, int notes, int exercises, int web, int keycloak,
                           int keycloakManagement, int kafka, int kafkaController, int postgres, int zipkin,
                           Map<App, Integer> management, int notifications, int smtp, int imap) {

        public PortPlan {
            management = Map.copyOf(management);
        }

        /** Without notifications and mail ports given: free ones. */
        public PortPlan(int gateway, int sessions, int notes, int exercises, int web, int keycloak,
                        int keycloakManagement, int kafka, int kafkaController, int postgres, int zipkin,
                        Map<App, Integer> management) {
            this(gateway, sessions, notes, exercises, web, keycloak, keycloakManagement, kafka, kafkaController,
                    postgres, zipkin, withFree(management, App.NOTIFICATIONS), Ports.free(), Ports.free(),
                    Ports.free());
        }

        private static Map<App, Integer> withFree(Map<App, Integer> management, App app) {
            Map<App, Integer> all = new EnumMap<>(App.class);
            all.putAll(management);
            all.putIfAbsent(app, Ports.free());
            return all;
        }

        /** DESIGN.md's ports, each overridable by an environment variable; management ports are 1000 above. */
        public static PortPlan defaults() {
            Map<App, Integer> management = new EnumMap<>(App.class);
            management.put(App.GATEWAY, env("GATEWAY_MANAGEMENT_PORT", 9080));
            management.put(App.SESSIONS, env("SESSIONS_MANAGEMENT_PORT", 9081));
            management.put(App.NOTES, env("NOTES_MANAGEMENT_PORT", 9082));
            management.put(App.EXERCISES, env("EXERCISES_MANAGEMENT_PORT", 9083));
            management.put(App.NOTIFICATIONS, env("NOTIFICATIONS_MANAGEMENT_PORT", 9084));
            management.put(App.WEB, env("WEB_MANAGEMENT_PORT", 9085));
            return new PortPlan(env("GATEWAY_PORT", 8080), env("SESSIONS_PORT", 8081), env("NOTES_PORT", 8082),
                    env("EXERCISES_PORT", 8083), env("WEB_PORT", 8085), env("KEYCLOAK_PORT", 8180),
                    env("KEYCLOAK_MANAGEMENT_PORT", 9180),
                    env("KAFKA_PORT", 9092), env("KAFKA_CONTROLLER_PORT", 9093), env("POSTGRES_PORT", 15432),
                    env("ZIPKIN_PORT", 9411), management, env("NOTIFICATIONS_PORT", 8084), env("SMTP_PORT", 3025),
                    env("IMAP_PORT", 3143));
        }

        public static PortPlan free() {
            Map<App, Integer> management = new EnumMap<>(App.class);
            for (App app : App.values()) {
                management.put(app, Ports.free());
            }
            return new PortPlan(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                    Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), management, Ports.free(),
                    Ports.free(), Ports.free());
        }

        public int of(App app) {
            return switch (app) {
                case GATEWAY -> gateway;
                case SESSIONS -> sessions;
                case NOTES -> notes;
                case EXERCISES -> exercises;
                case NOTIFICATIONS -> notifications;
                case WEB -> web;
            };
        }

        public int managementOf(App app) {
            return management.get(app);
        }

        public Map<String, Integer> byComponent() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("postgres", postgres);
            ports.put("kafka", kafka);
            ports.put("kafka-controller", kafkaController);
            ports.put("keycloak", keycloak);
            ports.put("keycloak-management", keycloakManagement);
            ports.put("zipkin", zipkin);
            ports.put("smtp", smtp);
            ports.put("imap", imap);
            for (App app : App.values()) {
                ports.put(app.module(), of(app));
                ports.put(app.module() + "-management", managementOf(app));
            }
            return ports;
        }

        private static int env(String name, int fallback) {
            String value = System.getenv("TELETHERAPY_" + name);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    /**
     * How to run: {@code dataDirectory} null means throw-away data; {@code jvmOptions} go to each application;
     * {@code classDataSharing} keeps a class archive per application in the data directory for faster later starts;
     * {@code apps} are the applications to run.
     */
    public record Options(Workspace workspace, PortPlan ports, Path dataDirectory, Path logDirectory, Secrets secrets,
                          Progress progress, List<String> jvmOptions, boolean classDataSharing, Set<App> apps) {

        /** All the applications. */
        public Options(Workspace workspace, PortPlan ports, Path dataDirectory, Path logDirectory, Secrets secrets,
                       Progress progress, List<String> jvmOptions, boolean classDataSharing) {
            this(workspace, ports, dataDirectory, logDirectory, secrets, progress, jvmOptions, classDataSharing,
                    EnumSet.allOf(App.class));
        }
    }

    private final Options options;
    private final Path dataDirectory;
    private final boolean temporaryData;
    private final Map<App, ChildProcess> apps = new EnumMap<>(App.class);
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MailServer mail;
    private KeycloakServer keycloak;
    private ZipkinServer zipkin;
    private KeycloakServer.Settings keycloakSettings;
    private Supervisor supervisor;
    private boolean closed;

    private Platform(Options options, Path dataDirectory, boolean temporaryData) {
        this.options = options;
        this.dataDirectory = dataDirectory;
        this.temporaryData = temporaryData;
    }

    public static Platform start(Options options) {
        Path data = options.dataDirectory();
        boolean temporary = data == null;
        try {
            if (temporary) {
                data = Files.createTempDirectory("teletherapy-platform");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Platform platform = new Platform(options, data, temporary);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        Progress progress = options.progress();
        Secrets secrets = options.secrets();
        PortPlan ports = options.ports();

        progress.starting("postgres");
        try {
            postgres = PostgresServer.start(ports.postgres(), dataDirectory.resolve("postgres"),
                    options.logDirectory().resolve("postgres.log"));
        } catch (IOException e) {
            progress.failed("postgres");
            throw new ComponentFailedException("postgres", "did not start: " + e.getMessage(),
                    ChildProcess.tail(options.logDirectory().resolve("postgres.log"), 30));
        }
        for (App app : App.values()) {
            if (app.database() != null) {
                postgres.ensureDatabase(app.database(), secrets.get("db." + app.database()));
            }
        }
        postgres.ensureDatabase("keycloak", secrets.get("db.keycloak"));
        progress.ready("postgres");

        progress.starting("keycloak");
        keycloakSettings = new KeycloakServer.Settings(
                ports.keycloak(), ports.keycloakManagement(), postgres.jdbcUrl("keycloak"), "keycloak",
                secrets.get("db.keycloak"), secrets.get("keycloak.admin"), dataDirectory.resolve("keycloak"),
                options.logDirectory().resolve("keycloak.log"));
        keycloak = KeycloakServer.launch(KeycloakDistribution.in(options.workspace()), keycloakSettings);

        progress.starting("zipkin");
        zipkin = launchZipkin();

        progress.starting("mail");
        mail = MailServer.start(ports.smtp(), ports.imap(), demoAddresses());
        progress.ready("mail");

        progress.starting("kafka");
        try {
            kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), dataDirectory.resolve("kafka"));
        } catch (IOException e) {
            progress.failed("kafka");
            throw new ComponentFailedException("kafka", "did not start: " + e.getMessage(), "");
        }
        progress.ready("kafka");

        for (App app : options.apps()) {
            startApp(app);
        }

        List<CompletableFuture<Void>> waits = new ArrayList<>();
        waits.add(CompletableFuture.runAsync(this::awaitKeycloakAndImportRealm));
        waits.add(CompletableFuture.runAsync(this::awaitZipkin));
        for (App app : options.apps()) {
            waits.add(CompletableFuture.runAsync(() -> awaitApp(app)));
        }
        try {
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private ZipkinServer launchZipkin() {
        return ZipkinServer.launch(options.ports().zipkin(), dataDirectory.resolve("zipkin"),
                options.logDirectory().resolve("zipkin.log"));
    }

    /**
     * Hands the running applications, Keycloak and Zipkin to {@code supervisor}, which starts again whichever of them
     * dies. PostgreSQL (detached by pg_ctl) is only reported when it stops; Kafka runs inside the launcher.
     */
    public synchronized void supervise(Supervisor supervisor) {
        this.supervisor = supervisor;
        apps.forEach((app, process) -> supervisor.watch(process, new Supervisor.Restart(
                () -> restartApp(app),
                restarted -> restarted.awaitHealthy(URI.create(url(app) + "/actuator/health/readiness"),
                        SERVICE_START_TIMEOUT, seconds -> { }))));
        supervisor.watch(zipkin.process(), new Supervisor.Restart(this::restartZipkin,
                restarted -> restarted.awaitHealthy(zipkin.healthUri(), SERVICE_START_TIMEOUT, seconds -> { })));
        supervisor.watch(keycloak.process(), new Supervisor.Restart(this::restartKeycloak,
                restarted -> restarted.awaitHealthy(keycloak.readinessUri(), KEYCLOAK_START_TIMEOUT, seconds -> { })));
        postgresPid().flatMap(ProcessHandle::of).ifPresent(server ->
                supervisor.report("postgres", server, options.logDirectory().resolve("postgres.log")));
    }

    private synchronized ChildProcess restartApp(App app) {
        if (closed) {
            return null;
        }
        startApp(app);
        return apps.get(app);
    }

    private synchronized ChildProcess restartZipkin() {
        if (closed) {
            return null;
        }
        zipkin = launchZipkin();
        return zipkin.process();
    }

    private synchronized ChildProcess restartKeycloak() {
        if (closed) {
            return null;
        }
        keycloak = KeycloakServer.launch(KeycloakDistribution.in(options.workspace()), keycloakSettings);
        return keycloak.process();
    }

    private void awaitKeycloakAndImportRealm() {
        try {
            keycloak.awaitReady(KEYCLOAK_START_TIMEOUT, seconds -> { });
            new RealmImporter(keycloak.internalUrl(), options.secrets().get("keycloak.admin")).importIfAbsent(
                    options.workspace().root().resolve("keycloak/teletherapy-realm.json"), clientSecrets(), gatewayUrl(),
                    options.ports().smtp());
            options.progress().ready("keycloak");
        } catch (RuntimeException e) {
            options.progress().failed("keycloak");
            throw e;
        }
    }

    private void awaitZipkin() {
        try {
            zipkin.awaitReady(SERVICE_START_TIMEOUT);
            options.progress().ready("zipkin");
        } catch (RuntimeException e) {
            options.progress().failed("zipkin");
            throw e;
        }
    }

    private Map<String, String> clientSecrets() {
        return Map.of(
                "sessions-service", options.secrets().get("client.sessions-service"),
                "notifications-service", options.secrets().get("client.notifications-service"),
                "teletherapy-gateway", options.secrets().get("client.teletherapy-gateway"));
    }

    /** The demo users' addresses, from the realm file: each gets a mailbox (login the address, password demo). */
    private List<String> demoAddresses() {
        try {
            List<String> addresses = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(options.workspace().root().resolve("keycloak/teletherapy-realm.json").toFile())
                    .path("users").forEach(user -> {
                        if (user.hasNonNull("email")) {
                            addresses.add(user.get("email").asText());
                        }
                    });
            addresses.add(ON_CALL_ADDRESS);
            return addresses;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or restarts) one application as a child process; does not wait for it. */
    public synchronized void startApp(App app) {
        Path jar = options.workspace().serviceJar(app.module());
        if (!Files.isRegularFile(jar)) {
            throw new ComponentFailedException(app.module(), "has no jar at " + jar + " (run ./mvnw -DskipTests package)", "");
        }
        options.progress().starting(app.module());
        List<String> command = AppLauncher.command(jar, dataDirectory.resolve("apps").resolve(app.module()),
                options.jvmOptions(), options.classDataSharing());
        apps.put(app, ChildProcess.start(app.module(), command, environment(app), options.workspace().root(),
                options.logDirectory().resolve(app.module() + ".log")));
    }

    public void awaitApp(App app) {
        try {
            apps.get(app).awaitHealthy(URI.create(url(app) + "/readyz"), SERVICE_START_TIMEOUT,
                    seconds -> { });
            options.progress().ready(app.module());
        } catch (RuntimeException e) {
            options.progress().failed(app.module());
            throw e;
        }
    }

    public synchronized void stopApp(App app) {
        ChildProcess process = apps.remove(app);
        if (process != null) {
            process.stop(Duration.ofSeconds(20));
        }
    }

    private Map<String, String> environment(App app) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(options.ports().of(app)));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(options.ports().managementOf(app)));
        env.put("TELETHERAPY_ISSUER_URI", keycloak.issuer(REALM));
        env.put("TELETHERAPY_JWK_SET_URI", keycloak.jwkSetUri(REALM));
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // Every request traced on a developer's machine (production keeps the default 10%), sent to our Zipkin;
        // TELETHERAPY_TRACING_SAMPLING_PROBABILITY chooses otherwise (benchmarks measure at production's 10%).
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY",
                System.getenv().getOrDefault("TELETHERAPY_TRACING_SAMPLING_PROBABILITY", "1.0"));
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", zipkin.spansEndpoint());
        // Human-readable lines on the console (app.log); the same events as JSON lines for machines (app.jsonl).
        env.put("LOGGING_FILE_NAME", options.logDirectory().resolve(app.module() + ".jsonl").toString());
        env.put("LOGGING_STRUCTURED_FORMAT_FILE", "ecs");
        // The FHIR base as callers reach it (the gateway), for the full URLs of the services' FHIR Bundles.
        env.put("TELETHERAPY_FHIR_BASE_URL", gatewayUrl() + "/fhir/r4");
        if (app.database() != null) {
            String password = options.secrets().get("db." + app.database());
            env.put("SPRING_R2DBC_URL", postgres.r2dbcUrl(app.database()));
            env.put("SPRING_R2DBC_USERNAME", app.database());
            env.put("SPRING_R2DBC_PASSWORD", password);
            env.put("SPRING_FLYWAY_URL", postgres.jdbcUrl(app.database()));
            env.put("SPRING_FLYWAY_USER", app.database());
            env.put("SPRING_FLYWAY_PASSWORD", password);
            // Each platform keeps its master keys with its own data (throw-away platforms do not share the devstack's).
            env.put("TELETHERAPY_CRYPTO_MASTERKEYFILE",
                    dataDirectory.resolve("keys").resolve(app.module() + "-master.json").toString());
        }
        if (app == App.SESSIONS) {
            env.put("TELETHERAPY_KEYCLOAK_URL", keycloak.internalUrl());
            env.put("TELETHERAPY_KEYCLOAK_CLIENT_SECRET", options.secrets().get("client.sessions-service"));
            env.put("TELETHERAPY_KEYCLOAK_INVITATION_REDIRECT_URI", gatewayUrl() + "/");
            // The demo realm's therapist–client pairs, so every service starts with the same roster.
            env.put("TELETHERAPY_DEMO_ROSTER", "true");
            // A session that took place a week ago, on the devstack's own lasting data only: throw-away platforms of
            // tests and benchmarks start without a past.
            env.put("TELETHERAPY_DEMO_HISTORY", String.valueOf(!temporaryData));
        }
        if (app == App.NOTIFICATIONS) {
            env.put("SPRING_MAIL_HOST", "127.0.0.1");
            env.put("SPRING_MAIL_PORT", String.valueOf(options.ports().smtp()));
            env.put("TELETHERAPY_NOTIFICATIONS_KEYCLOAK_URL", keycloak.internalUrl());
            env.put("TELETHERAPY_NOTIFICATIONS_KEYCLOAK_CLIENTSECRET", options.secrets().get("client.notifications-service"));
            env.put("TELETHERAPY_NOTIFICATIONS_UNSUBSCRIBE_SECRET", options.secrets().get("notifications.unsubscribe"));
            env.put("TELETHERAPY_NOTIFICATIONS_MAIL_WEBURL", gatewayUrl());
            // The demo's clinical on-call mailbox, readable like the demo users' (password demo).
            env.put("TELETHERAPY_NOTIFICATIONS_MAIL_ONCALLADDRESS", ON_CALL_ADDRESS);
        }
        if (app == App.GATEWAY) {
            env.put("TELETHERAPY_ROUTES_SESSIONS_URI", url(App.SESSIONS));
            env.put("TELETHERAPY_ROUTES_NOTES_URI", url(App.NOTES));
            env.put("TELETHERAPY_ROUTES_EXERCISES_URI", url(App.EXERCISES));
            env.put("TELETHERAPY_ROUTES_NOTIFICATIONS_URI", url(App.NOTIFICATIONS));
            env.put("TELETHERAPY_ROUTES_WEB_URI", url(App.WEB));
            env.put("TELETHERAPY_OPS_KEYCLOAK_HEALTH_URI", keycloak.readinessUri().toString());
        }
        if (app == App.WEB) {
            // The API through the gateway, as every client of it; sign-in with the realm's browser client.
            env.put("TELETHERAPY_WEB_API_URI", url(App.GATEWAY));
            env.put("TELETHERAPY_WEB_CLIENT_SECRET", options.secrets().get("client.teletherapy-gateway"));
            // The operator console links to the traces (Prometheus and Grafana, where a deployment has them, likewise).
            env.put("TELETHERAPY_WEB_CONSOLE_ZIPKIN", zipkin.url() + "/zipkin/");
        }
        return env;
    }

    public String url(App app) {
        return "http://127.0.0.1:" + options.ports().of(app);
    }

    /** Where an application's health, info and metrics are: its management port, reachable from this machine only. */
    public String managementUrl(App app) {
        return "http://127.0.0.1:" + options.ports().managementOf(app);
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public ZipkinServer zipkin() {
        return zipkin;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MailServer mail() {
        return mail;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** PostgreSQL's server process (pg_ctl detaches it, so it is not our child). */
    public java.util.Optional<Long> postgresPid() {
        try {
            java.util.List<String> lines = Files.readAllLines(dataDirectory.resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** Process ids of the child processes, for {@code ./teletherapy down} from another terminal. */
    public synchronized Map<String, Long> childPids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        if (keycloak != null) {
            pids.put("keycloak", keycloak.process().pid());
        }
        if (zipkin != null) {
            pids.put("zipkin", zipkin.process().pid());
        }
        apps.forEach((app, process) -> pids.put(app.module(), process.pid()));
        return pids;
    }


    @Override
    public synchronized void close() {
        closed = true;
        if (supervisor != null) {
            supervisor.close();
        }
        List<App> reverse = new ArrayList<>(List.of(App.values()));
        java.util.Collections.reverse(reverse);
        reverse.forEach(this::stopApp);
        if (keycloak != null) {
            keycloak.close();
            keycloak = null;
        }
        if (zipkin != null) {
            zipkin.close();
            zipkin = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the server process is gone either way once the JVM exits
            }
            postgres = null;
        }
        if (temporaryData) {
            try {
                KeycloakDistribution.deleteRecursively(dataDirectory);
            } catch (IOException ignored) {
                // a temporary directory; the OS cleans it eventually
            }
        }
    }
}
