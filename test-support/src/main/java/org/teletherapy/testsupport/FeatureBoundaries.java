package org.teletherapy.testsupport;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The boundary test of a service: each direct sub-package of the application's package is a feature (a Spring
 * Modulith application module). Features form no cycle and use each other only through the types of the other's
 * package (nothing below it), and each feature's SQL touches only the tables it owns: the others ask it.
 *
 * <pre>{@code
 * FeatureBoundaries.of(SessionsApplication.class)
 *         .owns("booking", "session", "booking_idempotency")
 *         .owns("roster", "roster")
 *         .verify();
 * }</pre>
 *
 * Every table the service's migrations create must have an owner, so a new table cannot slip by. A feature that
 * still reads another's table in its SQL says so with {@link #reads}, with the reason: a known debt, listed in one
 * place, and no new one slips by either.
 */
public final class FeatureBoundaries {

    /** SQL that names a table: {@code from t}, {@code join t}, {@code into t}, {@code update t}, {@code table t}. */
    private static final String TABLE_USE = "(?i)\\b(from|join|into|update|table|references)\\s+(if\\s+(not\\s+)?exists\\s+)?%s\\b";
    private static final Pattern TEXT_BLOCK = Pattern.compile("\"\"\"(.*?)\"\"\"", Pattern.DOTALL);
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

    /**
     * Modulith caches what it learns of an application, and a second verification in the same JVM (surefire's rerun
     * of a failed test) passed where the first had found a cycle: the first answer is kept, so a rerun fails alike.
     */
    private static final Map<Class<?>, Violations> MODULE_VIOLATIONS = new ConcurrentHashMap<>();

    private final Class<?> application;
    private final Map<String, String> ownerOfTable = new LinkedHashMap<>();
    private final Set<String> allowedReads = new HashSet<>();
    private Path sources = Path.of("src/main/java");
    private Path migrations = Path.of("src/main/resources/db/migration");

    private FeatureBoundaries(Class<?> application) {
        this.application = application;
    }

    public static FeatureBoundaries of(Class<?> application) {
        return new FeatureBoundaries(application);
    }

    /** The feature (a sub-package name of the application's package) that owns these tables. */
    public FeatureBoundaries owns(String feature, String... tables) {
        for (String table : tables) {
            ownerOfTable.put(table.toLowerCase(Locale.ROOT), feature);
        }
        return this;
    }

    /** A feature's SQL that still names another feature's table, and why (e.g. a join on a replicated copy). */
    public FeatureBoundaries reads(String feature, String table, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("say why " + feature + " reads " + table);
        }
        allowedReads.add(feature + "->" + table.toLowerCase(Locale.ROOT));
        return this;
    }

    /** Where the sources and migrations are, when not in the module's standard layout. */
    public FeatureBoundaries at(Path sources, Path migrations) {
        this.sources = sources;
        this.migrations = migrations;
        return this;
    }

    /** Fails with every violation found: module dependencies first, then tables. */
    public void verify() {
        MODULE_VIOLATIONS.computeIfAbsent(application, app -> ApplicationModules.of(app).detectViolations())
                .throwIfPresent();
        List<String> violations = new ArrayList<>(unownedTables());
        violations.addAll(foreignTableUses());
        if (!violations.isEmpty()) {
            throw new AssertionError("Feature boundaries violated:\n- " + String.join("\n- ", violations));
        }
    }

    private List<String> unownedTables() {
        if (!Files.isDirectory(migrations)) {
            return List.of();
        }
        TreeSet<String> created = new TreeSet<>();
        for (Path migration : files(migrations, ".sql")) {
            Matcher matcher = CREATE_TABLE.matcher(read(migration));
            while (matcher.find()) {
                created.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        created.removeAll(ownerOfTable.keySet());
        return created.stream().map(table -> "table '" + table + "' has no owning feature; declare it with owns(...)")
                .toList();
    }

    private List<String> foreignTableUses() {
        Path root = sources.resolve(application.getPackageName().replace('.', '/'));
        List<String> violations = new ArrayList<>();
        for (Path source : files(root, ".java")) {
            Path relative = root.relativize(source);
            if (relative.getNameCount() < 2) {
                continue; // the application's own package belongs to no feature
            }
            String feature = relative.getName(0).toString();
            String sql = stringLiterals(read(source));
            ownerOfTable.forEach((table, owner) -> {
                if (!owner.equals(feature) && !allowedReads.contains(feature + "->" + table) && Pattern.compile(String.format(TABLE_USE, Pattern.quote(table))).matcher(sql).find()) {
                    violations.add("feature '" + feature + "' (" + relative + ") uses table '" + table
                            + "' of feature '" + owner + "' in SQL; ask " + owner + " instead");
                }
            });
        }
        return violations;
    }

    /** The text of a source's string literals and text blocks, where its SQL is. */
    static String stringLiterals(String source) {
        StringBuilder literals = new StringBuilder();
        Matcher blocks = TEXT_BLOCK.matcher(source);
        while (blocks.find()) {
            literals.append(blocks.group(1)).append('\n');
        }
        Matcher strings = STRING.matcher(TEXT_BLOCK.matcher(source).replaceAll(""));
        while (strings.find()) {
            literals.append(strings.group(1)).append(' ');
        }
        return literals.toString();
    }

    private static List<Path> files(Path directory, String suffix) {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
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
