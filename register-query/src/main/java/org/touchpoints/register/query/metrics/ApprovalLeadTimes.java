package org.touchpoints.register.query.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;

/**
 * Timers of approval lead time per step ({@code register_approval_lead_time_seconds{step}}): from initiation
 * to the head's approval, and from the head's approval to the deputy's. A group of its own, so rebuilding the
 * read models does not count old approvals again.
 */
@Component
@ProcessingGroup(ApprovalLeadTimes.GROUP)
public class ApprovalLeadTimes {
    public static final String GROUP = "metrics";

    private final JdbcClient jdbc;
    private final Timer division;
    private final Timer deputy;

    public ApprovalLeadTimes(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.division = Timer.builder("register.approval.lead.time").tag("step", "division")
                .description("Time from initiation to the division head's approval").register(registry);
        this.deputy = Timer.builder("register.approval.lead.time").tag("step", "deputy")
                .description("Time from the division head's approval to the deputy's").register(registry);
    }

    @EventHandler
    void on(DivisionApproved e) {
        jdbc.sql("select initiated_at from q_change where change_id = ?").param(e.changeId())
                .query(java.sql.Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(t -> record(division, t.toInstant(), e.at()));
    }

    @EventHandler
    void on(DeputyApproved e) {
        jdbc.sql("""
                        select max(at) from q_change_timeline where change_id = ? and event = 'DivisionApproved'""")
                .param(e.changeId()).query(java.sql.Timestamp.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .ifPresent(t -> record(deputy, t.toInstant(), e.at()));
    }

    private static void record(Timer timer, Instant from, Instant to) {
        if (from != null && !to.isBefore(from)) {
            timer.record(Duration.between(from, to));
        }
    }
}
