package org.touchpoints.register.query.deadline;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.RecordMissedDeadlineCommand;

/**
 * A deadline is missed by the passage of time alone. This watcher finds approved, unpublished changes whose
 * due date is over in their authority's time zone and has the register record {@code PublicationDeadlineMissed}
 * (once: the register ignores a repeat). It works from persistent state — the deadline read model and the
 * clock — so a restart loses nothing: deadlines that passed while the service was down are recorded at the
 * first scan after start. Several replicas may scan at once; the register decides, against the due date it recorded
 * in the approval event (the read model only says which changes to ask about).
 */
@Component
public class DeadlineWatcher {
    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    public static final String SYSTEM = "system";

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public DeadlineWatcher(JdbcClient jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    private record Candidate(String changeId, String registerId, LocalDate dueDate, String zone) {}

    @Scheduled(
            initialDelayString = "${register.deadlines.initial-delay:PT5S}",
            fixedDelayString = "${register.deadlines.scan-interval:PT1M}")
    public void scheduledScan() {
        try {
            recordMissedDeadlines();
        } catch (RuntimeException e) {
            log.warn("Deadline scan failed; retrying at the next scan", e);
        }
    }

    /** @return how many missed deadlines were recorded by this scan */
    public int recordMissedDeadlines() {
        LocalDate latestPossibleToday =
                clock.instant().atZone(ZoneId.of("Pacific/Kiritimati")).toLocalDate();
        List<Candidate> candidates = jdbc.sql("""
                        select c.change_id, c.register_id, c.due_date, r.time_zone
                        from q_change c join q_register r on r.register_id = c.register_id
                        where c.status = 'APPROVED' and c.deadline_missed_at is null and c.due_date < ?
                          and c.approved_at is not null and c.published_on is null
                        order by c.due_date""")
                .param(Date.valueOf(latestPossibleToday))
                .query((rs, i) -> new Candidate(
                        rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4)))
                .list();
        int recorded = 0;
        for (Candidate c : candidates) {
            LocalDate today = clock.instant().atZone(ZoneId.of(c.zone())).toLocalDate();
            if (!today.isAfter(c.dueDate())) {
                continue;
            }
            try {
                Boolean done = commands.sendAndWait(new RecordMissedDeadlineCommand(
                        c.registerId(), c.changeId(), SYSTEM, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                if (Boolean.TRUE.equals(done)) {
                    recorded++;
                }
            } catch (RuntimeException e) {
                log.info("Missed deadline of change {} not recorded: {}", c.changeId(), e.getMessage());
            }
        }
        return recorded;
    }
}
