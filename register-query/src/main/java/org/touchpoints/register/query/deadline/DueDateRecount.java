package org.touchpoints.register.query.deadline;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.touchpoints.register.api.change.CountDueDateCommand;
import org.touchpoints.register.query.calendar.CalendarChanged;

/**
 * Once the calendar changed (an uploaded year or a "federal only" mark), asks the registers to count again the due
 * dates that were refused (a federal year or a regional overlay not loaded): each register counts from the day the
 * change was made, as it counted at the approval, and records {@code DueDateCounted} when it can now. The read models
 * take the due date from that event, so a rebuild gives the same due dates and history never changes after the fact.
 */
@Service
public class DueDateRecount {
    private static final Logger log = LoggerFactory.getLogger(DueDateRecount.class);
    public static final String SYSTEM = "system";

    private record Refused(String changeId, String registerId) {}

    private final JdbcClient jdbc;
    private final CommandGateway commands;
    private final Clock clock;

    public DueDateRecount(JdbcClient jdbc, CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
    }

    @EventListener
    public void on(CalendarChanged changed) {
        int counted = recountRefused();
        if (counted > 0) {
            log.info(
                    "Calendar changed ({} {}): {} refused due date(s) counted now",
                    changed.region(),
                    changed.year(),
                    counted);
        }
    }

    /** @return how many refused due dates the registers could count now */
    public int recountRefused() {
        List<Refused> refused = jdbc.sql("""
                        select change_id, register_id from q_change
                        where approved_at is not null and due_date is null and due_problem is not null""")
                .query((rs, i) -> new Refused(rs.getString(1), rs.getString(2)))
                .list();
        int counted = 0;
        for (Refused r : refused) {
            try {
                Boolean done = commands.sendAndWait(new CountDueDateCommand(
                        r.registerId(), r.changeId(), SYSTEM, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
                if (Boolean.TRUE.equals(done)) {
                    counted++;
                }
            } catch (RuntimeException e) {
                log.info("Due date of change {} not counted again: {}", r.changeId(), e.getMessage());
            }
        }
        return counted;
    }
}
