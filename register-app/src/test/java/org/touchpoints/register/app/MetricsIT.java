package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.query.metrics.RegisterGauges;

/** The operations figures at /actuator/prometheus: pending changes per step, overdue publications, lead times, Axon's own. */
class MetricsIT extends ApplicationIT {

    @Autowired
    RegisterGauges gauges;

    @Test
    void prometheusShowsPendingChangesPerStepOverduePublicationsAndApprovalLeadTimes() {
        String register = newRegister();
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        initiate(register, "Сайт");
        String second = initiate(register, "Телефон");
        ok(api.as("division-head").post("/api/v1/changes/" + second + "/division-approval", "{}"));
        approvedChange(register, "Почта");
        clock.set(Instant.parse("2025-02-03T09:00:00Z"));
        gauges.refresh();

        String scrape = ok(api.as("auditor").get("/actuator/prometheus")).body(); // per-register series: a reader of every register
        assertThat(value(scrape, "register_changes_pending\\{register=\"" + register + "\",step=\"division\"\\}")).isEqualTo(1.0);
        assertThat(value(scrape, "register_changes_pending\\{register=\"" + register + "\",step=\"deputy\"\\}")).isEqualTo(1.0);
        assertThat(value(scrape, "register_publications_overdue\\{register=\"" + register + "\"\\}")).isEqualTo(1.0);
        assertThat(value(scrape, "register_publications_at_risk\\{register=\"" + register + "\"\\}")).isEqualTo(0.0);
        assertThat(value(scrape, "register_approval_lead_time_seconds_count\\{step=\"deputy\"\\}")).isGreaterThanOrEqualTo(1.0);
        assertThat(scrape).as("Axon's own bus metrics").contains("commandBus");
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
        if (!m.find()) {
            throw new AssertionError("No series " + series + " in the scrape");
        }
        return Double.parseDouble(m.group(1));
    }
}
