package org.touchpoints.register.query.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.deadline.PublicationDeadline;

/**
 * Gauges for the operations dashboard, per register: changes waiting at each approval step
 * ({@code register_changes_pending{register,step}}), publications overdue and at risk
 * ({@code register_publications_overdue}, {@code register_publications_at_risk}). Refreshed from the read
 * models on a schedule (and on demand), not on every scrape.
 */
@Component
public class RegisterGauges {
    private final JdbcClient jdbc;
    private final DeadlineBoard deadlines;
    private final MultiGauge pending;
    private final MultiGauge overdue;
    private final MultiGauge atRisk;

    public RegisterGauges(JdbcClient jdbc, DeadlineBoard deadlines, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.pending = MultiGauge.builder("register.changes.pending")
                .description("Changes waiting for an approval step")
                .register(registry);
        this.overdue = MultiGauge.builder("register.publications.overdue")
                .description("Approved changes whose publication deadline has passed")
                .register(registry);
        this.atRisk = MultiGauge.builder("register.publications.at.risk")
                .description("Approved changes with two working days or fewer left to publish")
                .register(registry);
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${register.metrics.refresh-interval:PT15S}")
    public void refresh() {
        List<String> registers = jdbc.sql("select register_id from q_register")
                .query(String.class)
                .list();
        Map<String, long[]> steps = new HashMap<>();
        jdbc.sql("""
                        select register_id, status, count(*) from q_change
                        where status in ('INITIATED', 'DIVISION_APPROVED') group by register_id, status""").query(rs -> {
            long[] counts = steps.computeIfAbsent(rs.getString(1), k -> new long[2]);
            counts["INITIATED".equals(rs.getString(2)) ? 0 : 1] = rs.getLong(3);
        });
        Map<String, long[]> late = new HashMap<>();
        for (DeadlineBoard.DeadlineView d : deadlines.awaitingPublication()) {
            long[] counts = late.computeIfAbsent(d.registerId(), k -> new long[2]);
            if (d.status() == PublicationDeadline.Status.OVERDUE) {
                counts[0]++;
            } else if (d.status() == PublicationDeadline.Status.AT_RISK) {
                counts[1]++;
            }
        }
        List<MultiGauge.Row<?>> pendingRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> atRiskRows = new ArrayList<>();
        for (String register : registers) {
            long[] s = steps.getOrDefault(register, new long[2]);
            long[] l = late.getOrDefault(register, new long[2]);
            pendingRows.add(MultiGauge.Row.of(Tags.of("register", register, "step", "division"), s[0]));
            pendingRows.add(MultiGauge.Row.of(Tags.of("register", register, "step", "deputy"), s[1]));
            overdueRows.add(MultiGauge.Row.of(Tags.of("register", register), l[0]));
            atRiskRows.add(MultiGauge.Row.of(Tags.of("register", register), l[1]));
        }
        pending.register(pendingRows, true);
        overdue.register(overdueRows, true);
        atRisk.register(atRiskRows, true);
    }
}
