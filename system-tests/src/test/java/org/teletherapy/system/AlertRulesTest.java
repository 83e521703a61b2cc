package org.teletherapy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The observability files (observability/): Prometheus configurations, alert rules and their unit tests are checked
 * with promtool, the Grafana dashboards are checked for valid PromQL and for personal labels.
 *
 * <p>promtool comes with Debian's {@code prometheus} package ({@code apt-get install --no-install-recommends
 * prometheus}); CI installs it. Without it these tests fail: rules that were never checked must not look green.
 * {@code -Dteletherapy.promtool=/path/to/promtool} uses another binary.
 */
class AlertRulesTest {

    private static final Path ROOT = Path.of(System.getProperty("teletherapy.root", "..")).toAbsolutePath().normalize();
    private static final Path PROMETHEUS = ROOT.resolve("observability/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules");
    private static final Path RULE_TESTS = PROMETHEUS.resolve("tests");
    private static final Path GRAFANA = ROOT.resolve("observability/grafana");
    private static final String DATASOURCE_UID = "teletherapy-prometheus";

    /** Label names, or parts of them, that would identify a person or their session. */
    private static final Pattern PERSONAL = Pattern.compile(
            "(?i)\\b\\w*(user|client|therapist|patient|person|session|subject|account|alert|assignment|response|note)_?id\\w*\\b"
                    + "|\\b(sub|email|username|name)\\b\\s*(=~?|!=|!~)");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ruleFilesAreValid() {
        List<String> command = new ArrayList<>(List.of("check", "rules"));
        ruleFiles().forEach(file -> command.add(file.toString()));
        promtool(command);
    }

    @Test
    void ruleUnitTestsPass() {
        List<String> command = new ArrayList<>(List.of("test", "rules"));
        ruleTestFiles().forEach(file -> command.add(file.toString()));
        promtool(command);
    }

    @Test
    void devstackPrometheusConfigIsValid() {
        promtool(List.of("check", "config", PROMETHEUS.resolve("prometheus.yml").toString()));
    }

    @Test
    void composePrometheusConfigIsValid() {
        promtool(List.of("check", "config", PROMETHEUS.resolve("prometheus.compose.yml").toString()));
    }

    @Test
    void everyAlertHasASeverityAndTexts() {
        for (JsonNode alert : alerts()) {
            String name = alert.get("alert").asText();
            assertThat(alert.path("labels").path("severity").asText()).as(name + " severity")
                    .isIn("critical", "warning", "info");
            assertThat(alert.path("annotations").path("summary").asText()).as(name + " summary").isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).as(name + " description").isNotBlank();
        }
    }

    /** promtool test rules passes for a rule nobody tested; this checks that each alert fires in a case and stays quiet in another. */
    @Test
    void everyAlertIsTestedFiringAndNotFiring() {
        Set<String> fires = new HashSet<>();
        Set<String> staysQuiet = new HashSet<>();
        for (Path file : ruleTestFiles()) {
            for (JsonNode test : readYaml(file).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    (check.path("exp_alerts").isEmpty() ? staysQuiet : fires).add(check.path("alertname").asText());
                }
            }
        }
        for (JsonNode alert : alerts()) {
            String name = alert.get("alert").asText();
            assertThat(fires).as("a test case where " + name + " fires").contains(name);
            assertThat(staysQuiet).as("a test case where " + name + " does not fire").contains(name);
        }
    }

    @Test
    void rulesCarryNoPersonalLabels() {
        for (Path file : ruleFiles()) {
            for (JsonNode group : readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String name = rule.has("alert") ? rule.get("alert").asText() : rule.path("record").asText();
                    assertNoPersonalLabel(name + " in " + ROOT.relativize(file), rule.toString());
                }
            }
        }
    }

    @Test
    void dashboardsAreProvisionableAndCarryNoPersonalLabels() {
        List<Path> dashboards = dashboards();
        assertThat(dashboards).as("dashboards in observability/grafana/dashboards").hasSizeGreaterThanOrEqualTo(4);
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = readJson(file);
            String where = ROOT.relativize(file).toString();
            assertThat(dashboard.path("uid").asText()).as(where + " uid").isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText())).as(where + " has a uid of its own").isTrue();
            assertThat(dashboard.path("title").asText()).as(where + " title").isNotBlank();
            assertThat(dashboard.path("schemaVersion").asInt()).as(where + " schemaVersion").isBetween(36, 41);
            assertThat(dashboard.path("templating").path("list")).as(where + " variables (none may select a person)")
                    .isEmpty();
            Set<Integer> panelIds = new HashSet<>();
            for (JsonNode panel : panels(dashboard)) {
                assertThat(panelIds.add(panel.path("id").asInt())).as(where + " panel id " + panel.path("id")).isTrue();
                JsonNode grid = panel.path("gridPos");
                assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(where + " panel width").isLessThanOrEqualTo(24);
                for (JsonNode target : panel.path("targets")) {
                    String title = where + " panel \"" + panel.path("title").asText() + "\"";
                    assertThat(target.path("datasource").path("uid").asText()).as(title + " datasource")
                            .isEqualTo(DATASOURCE_UID);
                    assertNoPersonalLabel(title, target.path("expr").asText() + " " + target.path("legendFormat").asText());
                }
            }
        }
        String datasources = read(GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
        assertThat(datasources).as("the provisioned datasource has the uid the dashboards use").contains("uid: " + DATASOURCE_UID);
    }

    /** Every dashboard query, with Grafana's range variables filled in, is checked by promtool as a recording rule. */
    @Test
    void dashboardQueriesAreValidPromQL(@TempDir Path temp) throws IOException {
        ObjectNode rules = YAML.createObjectNode();
        ArrayNode groups = rules.putArray("groups");
        for (Path file : dashboards()) {
            JsonNode dashboard = readJson(file);
            ObjectNode group = groups.addObject();
            group.put("name", dashboard.path("uid").asText());
            ArrayNode records = group.putArray("rules");
            int n = 0;
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asText()
                            .replace("$__rate_interval", "1m").replace("$__interval", "1m").replace("$__range", "6h");
                    assertThat(expr).as(file.getFileName() + " panel \"" + panel.path("title").asText() + "\" query")
                            .isNotBlank().doesNotContain("$");
                    records.addObject().put("record", "dashboard:query:" + (++n)).put("expr", expr);
                }
            }
        }
        Path file = temp.resolve("dashboard-queries.yml");
        YAML.writeValue(file.toFile(), rules);
        promtool(List.of("check", "rules", file.toString()));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void promtool(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(promtool());
        command.addAll(arguments);
        try {
            Path output = Files.createTempFile("promtool", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(PROMETHEUS.toFile())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    fail("%s did not finish within 2 minutes:%n%s", String.join(" ", command), Files.readString(output));
                }
                assertThat(process.exitValue())
                        .as("%s exited with %d:%n%s", String.join(" ", command), process.exitValue(),
                                Files.readString(output, StandardCharsets.UTF_8))
                        .isZero();
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String promtool() {
        String configured = System.getProperty("teletherapy.promtool");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                fail("-Dteletherapy.promtool=" + configured + " is not an executable file");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(Pattern.quote(File.pathSeparator))) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, "promtool");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return fail("""
                promtool is not on the PATH, so the Prometheus rules, their unit tests and the Prometheus \
                configurations under observability/ cannot be checked. Install Debian's prometheus package, which \
                brings promtool: sudo apt-get install --no-install-recommends prometheus (CI's .ci/run installs it). \
                Elsewhere, put promtool from a Prometheus release on the PATH or pass -Dteletherapy.promtool=/path/to/promtool.""");
    }

    private static List<Path> ruleFiles() {
        List<Path> files = list(RULES, ".yml");
        assertThat(files).as("rule files in " + ROOT.relativize(RULES)).isNotEmpty();
        return files;
    }

    private static List<Path> ruleTestFiles() {
        List<Path> files = list(RULE_TESTS, ".test.yml");
        assertThat(files).as("rule tests in " + ROOT.relativize(RULE_TESTS)).isNotEmpty();
        return files;
    }

    private static List<Path> dashboards() {
        return list(GRAFANA.resolve("dashboards"), ".json");
    }

    private static List<Path> list(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> alerts() {
        Map<String, JsonNode> alerts = new LinkedHashMap<>();
        for (Path file : ruleFiles()) {
            for (JsonNode group : readYaml(file).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.has("alert")) {
                        assertThat(alerts.put(rule.get("alert").asText(), rule)).as("alert " + rule.get("alert") + " defined once")
                                .isNull();
                    }
                }
            }
        }
        assertThat(alerts).as("alerts").isNotEmpty();
        return List.copyOf(alerts.values());
    }

    /** Panels, including those inside collapsed rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static void assertNoPersonalLabel(String where, String text) {
        Set<String> found = new TreeSet<>();
        PERSONAL.matcher(text).results().forEach(match -> found.add(match.group()));
        assertThat(found).as(where + " must not refer to personal labels (health data)").isEmpty();
    }

    private static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
