package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.touchpoints.register.app.Deployment.ROOT;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What can be checked of the scale-out deployment without a Docker engine: docker-compose.yml parses; every image it
 * builds has its Dockerfile, and the jar that Dockerfile copies is what the module builds; every environment variable
 * it gives our services is one they read; the proxy, Prometheus and Grafana name services and files that exist.
 * (The dashboard's metric names are checked against a real scrape in {@link DashboardMetricsIT}.)
 */
class DeploymentFilesTest {
    static Map<String, Object> compose;
    static Map<String, Map<String, Object>> services;
    static Set<String> knownProperties;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() {
        compose = Deployment.yaml("docker-compose.yml");
        services = (Map<String, Map<String, Object>>) (Map<?, ?>) compose.get("services");
        knownProperties = configurationMetadata();
    }

    @Test
    void twoReplicasOfEachServiceBesidesPostgresAxonServerProxyPrometheusAndGrafana() {
        assertThat(services)
                .containsKeys(
                        "postgres",
                        "axonserver",
                        "command-service",
                        "query-service",
                        "gateway",
                        "prometheus",
                        "grafana");
        for (String service : List.of("command-service", "query-service")) {
            assertThat(map(services.get(service), "deploy").get("replicas"))
                    .as(service)
                    .isEqualTo(2);
        }
        Map<String, Object> axonServer = services.get("axonserver");
        assertThat((String) axonServer.get("image"))
                .as("the version tested (README)")
                .isEqualTo("axoniq/axonserver:4.6.11");
        assertThat(list(axonServer, "ports"))
                .as("gRPC stays on the compose network, the dashboard on loopback")
                .noneMatch(p -> p.contains("8124"))
                .allMatch(p -> p.startsWith("127.0.0.1:"));
        assertThat(env(axonServer))
                .containsEntry("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "false")
                .containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true");
        assertThat(list(axonServer, "volumes"))
                .anyMatch(v -> v.endsWith(":/axonserver/events"))
                .anyMatch(v -> v.endsWith(":/axonserver/data"));
        assertThat(list(services.get("postgres"), "volumes")).anyMatch(v -> v.endsWith(":/var/lib/postgresql/data"));
    }

    @Test
    void everyBuiltImageHasItsDockerfileWhichCopiesTheJarItsModuleBuilds() {
        List<String> modules = matches(Deployment.read(ROOT.resolve("pom.xml")), "<module>([^<]+)</module>");
        List<String> built = new ArrayList<>();
        services.forEach((name, service) -> {
            if (!service.containsKey("build")) {
                return;
            }
            built.add(name);
            Map<String, Object> build = map(service, "build");
            Path context = ROOT.resolve((String) build.get("context")).normalize();
            Path dockerfile = context.resolve((String) build.getOrDefault("dockerfile", "Dockerfile"));
            assertThat(dockerfile).as(name).isRegularFile();
            String text = Deployment.read(dockerfile);
            Matcher copy = Pattern.compile("COPY --from=build /src/([\\w-]+)/target/([\\w.-]+\\.jar)")
                    .matcher(text);
            assertThat(copy.find())
                    .as(name + ": the Dockerfile copies a module's jar")
                    .isTrue();
            String module = copy.group(1);
            assertThat(modules).as(name).contains(module);
            assertThat(matches(
                            Deployment.read(ROOT.resolve(module).resolve("pom.xml")), "<finalName>([^<]+)</finalName>"))
                    .as(name + ": the jar " + module + " builds")
                    .containsExactly(copy.group(2).replace(".jar", ""));
            for (String builtModule : matches(text, "-pl ([\\w,-]+)").get(0).split(",")) {
                assertThat(modules).as(name + " builds " + builtModule).contains(builtModule);
            }
            assertThat(text).as(name + " runs the jar it copied").contains("/app/" + copy.group(2));
        });
        assertThat(built).containsExactlyInAnyOrder("command-service", "query-service");
        assertThat(Deployment.read(ROOT.resolve(".dockerignore"))).contains("**/target");
    }

    @Test
    void everyVariableGivenToOurServicesIsOneTheyRead() {
        for (String name : List.of("command-service", "query-service")) {
            Map<String, Object> service = services.get(name);
            String module = "register-" + name;
            Set<String> modules = ourModules(module);
            Set<String> placeholders = placeholders(modules);
            for (String variable : env(service).keySet()) {
                boolean placeholder = placeholders.contains(variable);
                boolean property = knownProperties.contains(variable);
                assertThat(placeholder || property)
                        .as(name + ": " + variable + " is neither a ${…} of " + modules + " nor a known property")
                        .isTrue();
            }
            Map<String, Object> yml = Deployment.yaml(module + "/src/main/resources/application.yml");
            String include = (String) map(map(yml, "spring"), "profiles").get("include");
            for (String profile : include.split(",")) {
                assertThat(modules.stream()
                                .map(m -> ROOT.resolve(m)
                                        .resolve("src/main/resources/application-" + profile.strip() + ".yml"))
                                .anyMatch(Files::isRegularFile))
                        .as(name + ": profile " + profile + " has its file")
                        .isTrue();
            }
            Map<String, Object> config = configuration(module, modules);
            assertThat((String) map(map(map(map(config, "management"), "endpoints"), "web"), "exposure")
                            .get("include"))
                    .as(name + " exposes what Prometheus scrapes")
                    .contains("prometheus");
        }
    }

    @Test
    void theServicesFindPostgresAndAxonServerByTheirComposeNames() {
        for (String name : List.of("command-service", "query-service")) {
            Map<String, String> env = env(services.get(name));
            assertThat(services)
                    .containsKey(host(env.get("SPRING_DATASOURCE_URL").replace("jdbc:postgresql://", "")));
            assertThat(services).containsKey(host(env.get("AXON_AXONSERVER_SERVERS")));
            assertThat(env.get("SPRING_DATASOURCE_URL"))
                    .endsWith("/" + env(services.get("postgres")).get("POSTGRES_DB"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryReplicaOfOurServicesAtTheirPrometheusEndpoint() {
        Map<String, Object> config = Deployment.yaml("ops/prometheus/prometheus.yml");
        Set<String> scraped = new HashSet<>();
        Map<String, Object> compose = Deployment.yaml("docker-compose.yml");
        for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            if (!"axonserver".equals(job.get("job_name"))) { // our services: as the auditor, the secret mounted
                Map<String, Object> auth = map(job, "basic_auth");
                assertThat(auth.get("username"))
                        .as(job.get("job_name") + " scrapes as an auditor")
                        .isEqualTo("prometheus");
                String secret = ((String) auth.get("password_file")).replace("/run/secrets/", "");
                assertThat((List<Map<String, Object>>)
                                services.get("prometheus").get("secrets"))
                        .anyMatch(m -> secret.equals(m.get("target"))
                                && map(compose, "secrets").containsKey(m.get("source")));
            }
            for (Map<String, Object> dns : (List<Map<String, Object>>) job.getOrDefault("dns_sd_configs", List.of())) {
                for (String target : (List<String>) dns.get("names")) {
                    assertThat(services).as("job " + job.get("job_name")).containsKey(target);
                    assertThat(dns.get("port")).isEqualTo(8080);
                    scraped.add(target);
                }
            }
            for (Map<String, Object> statics :
                    (List<Map<String, Object>>) job.getOrDefault("static_configs", List.of())) {
                for (String target : (List<String>) statics.get("targets")) {
                    assertThat(services).as("job " + job.get("job_name")).containsKey(host(target));
                    scraped.add(host(target));
                }
            }
        }
        assertThat(scraped).contains("command-service", "query-service");
        assertThat(list(services.get("prometheus"), "volumes"))
                .contains("./ops/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
    }

    @Test
    void theGatewaySendsCommandsAndQueriesToServicesThatExist() {
        String nginx = Deployment.read(ROOT.resolve("ops/nginx/nginx.conf"));
        List<String> targets = matches(nginx, "\\s([a-z-]+-service);");
        assertThat(targets).contains("command-service", "query-service");
        assertThat(services.keySet()).containsAll(targets);
        assertThat(nginx).contains("proxy_pass http://$side:8080;");
        assertThat(list(services.get("gateway"), "volumes"))
                .contains("./ops/nginx/nginx.conf:/etc/nginx/nginx.conf:ro");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisionsThePrometheusDatasourceAndTheDashboardItsPanelsUse() {
        Map<String, Object> datasources = Deployment.yaml("ops/grafana/provisioning/datasources/prometheus.yml");
        Map<String, Object> prometheus = ((List<Map<String, Object>>) datasources.get("datasources")).get(0);
        assertThat(services).containsKey(host(((String) prometheus.get("url")).replace("http://", "")));
        Map<String, Object> dashboards = Deployment.yaml("ops/grafana/provisioning/dashboards/register.yml");
        String path = (String) map(((List<Map<String, Object>>) dashboards.get("providers")).get(0), "options")
                .get("path");
        assertThat(list(services.get("grafana"), "volumes"))
                .contains(
                        "./ops/grafana/dashboards:" + path + ":ro",
                        "./ops/grafana/provisioning:/etc/grafana/provisioning:ro");

        JsonNode dashboard = Deployment.dashboard();
        List<JsonNode> panels = dashboard.get("panels").valueStream().toList();
        assertThat(panels).hasSizeGreaterThanOrEqualTo(5);
        for (JsonNode panel : panels) {
            assertThat(panel.get("datasource").get("uid").asString()).isEqualTo(prometheus.get("uid"));
            assertThat(panel.get("targets").valueStream().toList())
                    .as(panel.get("title").asString())
                    .isNotEmpty();
        }
        List<String> expressions = Deployment.dashboardExpressions();
        for (String metric : List.of(
                "commandBus_successCounter_total",
                "register_processor_lag_seconds",
                "eventProcessor_processedCounter_total",
                "register_processor_lag_events",
                "register_processor_stalled",
                "register_changes_pending",
                "register_publications_overdue",
                "register_approval_lead_time_seconds_sum")) {
            assertThat(expressions)
                    .as("the dashboard shows " + metric)
                    .anyMatch(e -> Deployment.metricNames(e).contains(metric));
        }
        for (String expression : expressions) { // every processing group: the processor panels pick none out
            if (Deployment.metricNames(expression).stream()
                    .anyMatch(m -> m.startsWith("register_processor_") || m.startsWith("eventProcessor_"))) {
                assertThat(expression)
                        .as("by processor, no processor picked")
                        .contains("by (processor")
                        .doesNotContain("processor=");
            }
        }
    }

    @Test
    void theMetricNamesOfAnExpressionAreFound() {
        assertThat(Deployment.metricNames("sum by (step) (rate(a_b_sum{x=\"y\"}[5m])) / max by (instance) (c:d)"))
                .containsExactly("a_b_sum", "c:d");
    }

    private static String host(String address) {
        return address.split("[:/]")[0];
    }

    /** The module and every module of ours it depends on, transitively. */
    private static Set<String> ourModules(String module) {
        Set<String> modules = new LinkedHashSet<>();
        List<String> pending = new ArrayList<>(List.of(module));
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (modules.add(next)) {
                String pom = Deployment.read(ROOT.resolve(next).resolve("pom.xml"));
                String dependencies = pom.substring(pom.indexOf("<dependencies>"));
                matches(dependencies, "<artifactId>(register-[a-z-]+)</artifactId>").stream()
                        .filter(m -> Files.isDirectory(ROOT.resolve(m)))
                        .forEach(pending::add);
            }
        }
        return modules;
    }

    /** The names in {@code ${NAME…}} placeholders of the modules' main sources and configuration. */
    private static Set<String> placeholders(Set<String> modules) {
        Set<String> names = new HashSet<>();
        for (String module : modules) {
            Path main = ROOT.resolve(module).resolve("src/main");
            if (!Files.isDirectory(main)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(main)) {
                files.filter(f -> f.toString().matches(".*\\.(java|yml|yaml|properties)$"))
                        .forEach(f -> names.addAll(matches(Deployment.read(f), "\\$\\{([A-Z][A-Z0-9_]*)[:}]")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    /** Every documented configuration property on the class path, in its environment-variable form. */
    private static Set<String> configurationMetadata() {
        Set<String> names = new HashSet<>();
        try {
            for (URL url : Collections.list(DeploymentFilesTest.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    JsonNode properties = Api.MAPPER.readTree(in).get("properties");
                    if (properties != null) {
                        properties
                                .valueStream()
                                .forEach(p -> names.add(p.get("name")
                                        .asString()
                                        .replace(".", "_")
                                        .replace("-", "")
                                        .toUpperCase(Locale.ROOT)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        assertThat(value).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /**
     * The module's application.yml with the files it imports ({@code spring.config.import: classpath:…}, each found in
     * one of the {@code modules} it is built with) laid over it, as Spring reads them: an imported file's keys win.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> configuration(String module, Set<String> modules) {
        Map<String, Object> yml = Deployment.yaml(module + "/src/main/resources/application.yml");
        Object imports = ((Map<String, Object>)
                        ((Map<String, Object>) yml.getOrDefault("spring", Map.of())).getOrDefault("config", Map.of()))
                .get("import");
        Map<String, Object> merged = yml;
        for (String location : imports == null ? List.<String>of() : List.of(((String) imports).split(","))) {
            String file = location.strip().replace("classpath:", "");
            Path imported = modules.stream()
                    .map(m -> ROOT.resolve(m).resolve("src/main/resources").resolve(file))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElse(null);
            assertThat(imported)
                    .as(module + " imports " + file + " from a module it is built with")
                    .isNotNull();
            merged = merged(merged, Deployment.yaml(ROOT.relativize(imported).toString()));
        }
        return merged;
    }

    /** {@code over} laid over {@code under}: maps merged key by key, any other value of {@code over} wins. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> merged(Map<String, Object> under, Map<String, Object> over) {
        Map<String, Object> result = new java.util.LinkedHashMap<>(under);
        over.forEach((key, value) -> result.merge(
                key,
                value,
                (a, b) -> a instanceof Map && b instanceof Map
                        ? merged((Map<String, Object>) a, (Map<String, Object>) b)
                        : b));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        return (List<String>) parent.getOrDefault(key, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> service) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
                .forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }
}
