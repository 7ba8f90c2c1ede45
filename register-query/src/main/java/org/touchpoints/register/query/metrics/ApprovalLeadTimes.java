package org.touchpoints.register.query.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;

/**
 * Timers of approval lead time per step ({@code register_approval_lead_time_seconds{step}}): from initiation
 * to the head's approval, and from the head's approval to the deputy's. A group of its own, so rebuilding the
 * read models does not count old approvals again; it reads only its own table ({@code metrics_approval_step}: when
 * each change in flight was initiated and approved by its division head), never the read models of another group.
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
        this.division = Timer.builder("register.approval.lead.time")
                .tag("step", "division")
                .description("Time from initiation to the division head's approval")
                .register(registry);
        this.deputy = Timer.builder("register.approval.lead.time")
                .tag("step", "deputy")
                .description("Time from the division head's approval to the deputy's")
                .register(registry);
    }

    @EventHandler
    void on(ChangeInitiated e) {
        jdbc.sql("insert into metrics_approval_step(change_id, initiated_at) values (?, ?) on conflict do nothing")
                .params(e.changeId(), Timestamp.from(e.at()))
                .update();
    }

    /** One statement: the row's initiation time comes back from the update that stamps the head's approval. */
    @EventHandler
    void on(DivisionApproved e) {
        first(jdbc.sql("update metrics_approval_step set division_approved_at = ? where change_id = ? "
                                + "returning initiated_at")
                        .params(Timestamp.from(e.at()), e.changeId()))
                .ifPresent(t -> record(division, t, e.at()));
    }

    /** One statement: the head's approval time comes back from the delete that closes the change's row. */
    @EventHandler
    void on(DeputyApproved e) {
        first(jdbc.sql("delete from metrics_approval_step where change_id = ? returning division_approved_at")
                        .param(e.changeId()))
                .ifPresent(t -> record(deputy, t, e.at()));
    }

    @EventHandler
    void on(ChangeApproved e) {
        decided(e.changeId());
    }

    @EventHandler
    void on(ChangeRejected e) {
        decided(e.changeId());
    }

    @EventHandler
    void on(ChangeWithdrawn e) {
        decided(e.changeId());
    }

    /** The first non-null time the statement returns. */
    private static java.util.Optional<Instant> first(JdbcClient.StatementSpec statement) {
        return statement.query(Timestamp.class).list().stream()
                .filter(Objects::nonNull)
                .findFirst()
                .map(Timestamp::toInstant);
    }

    /** The change is out of the approval chain: nothing more to time. */
    private void decided(String changeId) {
        jdbc.sql("delete from metrics_approval_step where change_id = ?")
                .param(changeId)
                .update();
    }

    private static void record(Timer timer, Instant from, Instant to) {
        if (from != null && !to.isBefore(from)) {
            timer.record(Duration.between(from, to));
        }
    }
}
