package org.touchpoints.register.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/** The scale-out deployment files of the repository (docker-compose.yml, ops/), read as the tools read them. */
final class Deployment {
    static final Path ROOT = findRoot();
    static final Path DASHBOARD = ROOT.resolve("ops/grafana/dashboards/register.json");

    private static final Set<String> PROMQL_WORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset");

    private Deployment() {}

    static Map<String, Object> yaml(String relativePath) {
        return new Yaml().load(read(ROOT.resolve(relativePath)));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode dashboard() {
        return Api.MAPPER.readTree(read(DASHBOARD));
    }

    /** Every PromQL expression of the dashboard's panels. */
    static List<String> dashboardExpressions() {
        return dashboard()
                .get("panels")
                .valueStream()
                .flatMap(panel -> panel.get("targets").valueStream())
                .map(target -> target.get("expr").asString())
                .toList();
    }

    /**
     * The metric names a PromQL expression reads: identifiers that are neither functions (followed by a
     * parenthesis), nor label lists of {@code by (…)}, nor range durations, nor label matchers, nor keywords.
     */
    static Set<String> metricNames(String expression) {
        String bare = expression
                .replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?").matcher(bare);
        while (m.find()) {
            if (m.group(2) == null && !PROMQL_WORDS.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
