package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.touchpoints.register.platform.axon.ProcessorProgress;
import org.touchpoints.register.query.metrics.RegisterGauges;

/** The operations figures at /actuator/prometheus: pending changes per step, overdue publications, lead times, Axon's own. */
class MetricsIT extends ApplicationIT {

    @Autowired
    RegisterGauges gauges;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ProcessorProgress progress;

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

        String scrape = ok(api.as("auditor").get("/actuator/prometheus"))
                .body(); // per-register series: a reader of every register
        assertThat(value(scrape, "register_changes_pending\\{register=\"" + register + "\",step=\"division\"\\}"))
                .isEqualTo(1.0);
        assertThat(value(scrape, "register_changes_pending\\{register=\"" + register + "\",step=\"deputy\"\\}"))
                .isEqualTo(1.0);
        assertThat(value(scrape, "register_publications_overdue\\{register=\"" + register + "\"\\}"))
                .isEqualTo(1.0);
        assertThat(value(scrape, "register_publications_at_risk\\{register=\"" + register + "\"\\}"))
                .isEqualTo(0.0);
        assertThat(value(scrape, "register_approval_lead_time_seconds_count\\{step=\"deputy\"\\}"))
                .isGreaterThanOrEqualTo(1.0);
        assertThat(scrape).as("Axon's own bus metrics").contains("commandBus");
    }

    /**
     * The lead time of each step, measured by the metrics group from its own record of the change (initiated at 09:00,
     * agreed by the head at 10:00, approved by the deputy at 12:00), which it drops once the change is decided.
     */
    @Test
    void approvalLeadTimesAreMeasuredStepByStepFromTheMetricsGroupsOwnRecord(
            @Autowired io.micrometer.core.instrument.MeterRegistry registry,
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc)
            throws Exception {
        io.micrometer.core.instrument.Timer division = registry.get("register.approval.lead.time")
                .tag("step", "division")
                .timer();
        io.micrometer.core.instrument.Timer deputy = registry.get("register.approval.lead.time")
                .tag("step", "deputy")
                .timer();
        long divisions = division.count();
        long deputies = deputy.count();
        double divisionSeconds = division.totalTime(java.util.concurrent.TimeUnit.SECONDS);
        double deputySeconds = deputy.totalTime(java.util.concurrent.TimeUnit.SECONDS);
        String register = newRegister();
        clock.set(Instant.parse("2024-12-20T09:00:00Z"));
        String change = initiate(register, "Сайт");
        clock.set(Instant.parse("2024-12-20T10:00:00Z"));
        ok(api.as("division-head").post("/api/v1/changes/" + change + "/division-approval", "{}"));
        clock.set(Instant.parse("2024-12-20T12:00:00Z"));
        ok(api.as("deputy").post("/api/v1/changes/" + change + "/deputy-approval", "{}"));

        for (int i = 0; i < 200 && deputy.count() == deputies; i++) { // the group may run behind the command
            Thread.sleep(50);
        }
        assertThat(division.count()).isEqualTo(divisions + 1);
        assertThat(deputy.count()).isEqualTo(deputies + 1);
        assertThat(division.totalTime(java.util.concurrent.TimeUnit.SECONDS) - divisionSeconds)
                .isEqualTo(3600.0);
        assertThat(deputy.totalTime(java.util.concurrent.TimeUnit.SECONDS) - deputySeconds)
                .isEqualTo(7200.0);
        assertThat(jdbc.sql("select count(*) from metrics_approval_step where change_id = ?")
                        .param(change)
                        .query(Long.class)
                        .single())
                .as("nothing more to time")
                .isZero();
    }

    @Test
    void everyProcessingGroupReportsItsLagBySegmentZeroWhenIdleAndNoMeterIsRegisteredTwice() {
        Logger micrometer = (Logger) LoggerFactory.getLogger("io.micrometer.core.instrument.MeterRegistry");
        Level level = micrometer.getLevel();
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        micrometer.addAppender(logged);
        micrometer.setLevel(Level.DEBUG); // Micrometer warns of a double registration once per JVM, then at debug
        String scrape;
        try {
            String register = newRegister();
            approvedChange(register, "Сайт");
            String second = initiate(register, "Телефон");
            ok(api.as("division-head").post("/api/v1/changes/" + second + "/division-approval", "{}"));
            progress.sample();
            scrape = ok(api.as("auditor").get("/actuator/prometheus")).body();
        } finally {
            micrometer.detachAppender(logged);
            micrometer.setLevel(level);
        }

        assertThat(processing.eventProcessors())
                .containsKeys("projections", "history", "change-lookup", "metrics", "reminders");
        for (String processor : processing.eventProcessors().keySet()) {
            String labels = "\\{processor=\"" + processor + "\",segment=\"0\"\\}";
            assertThat(value(scrape, "register_processor_lag_seconds" + labels))
                    .as(processor + ": idle lag")
                    .isEqualTo(0.0);
            assertThat(value(scrape, "register_processor_lag_events" + labels))
                    .as(processor)
                    .isEqualTo(0.0);
            assertThat(value(scrape, "register_processor_stalled" + labels))
                    .as(processor)
                    .isEqualTo(0.0);
            assertThat(value(scrape, "eventProcessor_processedCounter_total\\{processor=\"" + processor + "\"\\}"))
                    .as(processor + ": events handled")
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(value(scrape, "eventProcessor_capacity\\{processor=\"" + processor + "\"\\}"))
                    .as(processor)
                    .isNotNegative();
        }
        assertThat(value(scrape, "commandBus_capacity")).isNotNegative();
        assertThat(value(scrape, "commandBus_successCounter_total")).isGreaterThanOrEqualTo(4.0);
        assertThat(scrape).as("no processor's stale latency gauge").doesNotContainPattern("(?m)^[a-z-]+_latency");
        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("already registered"));
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
        if (!m.find()) {
            throw new AssertionError("No series " + series + " in the scrape");
        }
        return Double.parseDouble(m.group(1));
    }
}
