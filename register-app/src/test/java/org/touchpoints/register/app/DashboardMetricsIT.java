package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.metrics.RegisterGauges;

/**
 * Every metric the Grafana dashboard of the scale-out deployment reads (ops/grafana/dashboards/register.json) is
 * one the application exports: checked against a real /actuator/prometheus scrape after a change's whole lifecycle.
 * The services of the scale-out mode run the same modules, so they export the same names.
 */
class DashboardMetricsIT extends ApplicationIT {

    @Autowired
    RegisterGauges gauges;

    @Test
    void everyMetricOfTheDashboardIsInTheScrape() {
        String register = newRegister();
        approvedChange(register, "Сайт");
        initiate(register, "Телефон");
        ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + register + "/publications",
                        Map.of("url", "https://example.org/perechen")));
        approvedChange(register, "Почта");
        clock.set(Instant.parse("2025-03-03T09:00:00Z"));
        gauges.refresh();

        String scrape = ok(api.as("auditor").get("/actuator/prometheus"))
                .body(); // per-register series: a reader of every register
        Set<String> exported = new TreeSet<>();
        Matcher sample = Pattern.compile("(?m)^([A-Za-z_:][A-Za-z0-9_:]*)[{ ]").matcher(scrape);
        while (sample.find()) {
            exported.add(sample.group(1));
        }
        Set<String> read = new TreeSet<>();
        Deployment.dashboardExpressions().forEach(e -> read.addAll(Deployment.metricNames(e)));

        assertThat(read).hasSizeGreaterThanOrEqualTo(8);
        assertThat(exported).containsAll(read);
    }
}
