package org.teletherapy.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations a README's API tables name: rows whose first cell holds {@code /api/} paths in code spans, written
 * as {@code `GET /api/v1/notes[/{id}]`}, {@code `PUT`/`GET /api/v1/availability`}, or {@code `/no-show`} for a sibling
 * of the path before it. Path variables are compared by position only ({@code {}}), query strings are left out.
 */
final class ApiTables {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern METHOD = Pattern.compile("GET|PUT|POST|DELETE|PATCH");
    private static final Pattern OPERATION = Pattern.compile("(?:(GET|PUT|POST|DELETE|PATCH) )?(/\\S*)");
    private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)]");

    private ApiTables() {
    }

    /** "METHOD /path" with path variables written {@code {}}. */
    static Set<String> operations(String markdown) {
        Set<String> operations = new TreeSet<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("|")) {
                continue;
            }
            String firstCell = line.substring(1).split("(?<!\\\\)\\|", 2)[0];
            if (!firstCell.contains("/api/")) {
                continue;
            }
            List<String> pendingMethods = new ArrayList<>();
            List<String> lastMethods = List.of();
            String lastPath = null;
            Matcher code = CODE.matcher(firstCell);
            while (code.find()) {
                String span = code.group(1).trim();
                if (METHOD.matcher(span).matches()) {
                    pendingMethods.add(span);
                    continue;
                }
                Matcher operation = OPERATION.matcher(span);
                if (!operation.lookingAt()) {
                    continue; // a body such as {therapistId, start}
                }
                List<String> methods = new ArrayList<>(pendingMethods);
                if (operation.group(1) != null) {
                    methods.add(operation.group(1));
                }
                String path = operation.group(2).replaceFirst("\\?.*$", "").replace("\\|", "|");
                if (!path.startsWith("/api/") && lastPath != null) {
                    path = lastPath.substring(0, lastPath.lastIndexOf('/')) + path; // `/no-show` beside `/complete`
                    methods = methods.isEmpty() ? lastMethods : methods;
                }
                for (String expanded : expand(path)) {
                    for (String method : methods) {
                        operations.add(method + " " + normalise(expanded));
                    }
                }
                lastPath = path;
                lastMethods = methods;
                pendingMethods.clear();
            }
        }
        return operations;
    }

    /** {@code /a[/b|/c]} is {@code /a}, {@code /a/b} and {@code /a/c}. */
    static List<String> expand(String path) {
        Matcher optional = OPTIONAL.matcher(path);
        if (!optional.find()) {
            return List.of(path);
        }
        List<String> paths = new ArrayList<>();
        String before = path.substring(0, optional.start());
        String after = path.substring(optional.end());
        paths.addAll(expand(before + after));
        for (String alternative : optional.group(1).split("\\|")) {
            paths.addAll(expand(before + alternative + after));
        }
        return paths;
    }

    static String normalise(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
