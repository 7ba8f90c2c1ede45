package org.touchpoints.register.query.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.deadline.PublicationDeadline;

/**
 * Who is reminded of what: the heads of the division when a change waits for their agreement, the deputy when
 * it waits for approval, the publishers when a publication is at risk (once per change) or missed. A group of
 * its own, with its bookkeeping in a table of its own ({@code reminder_sent}, which no rebuild touches): rebuilding the
 * read models sends nothing again.
 */
@Component
@ProcessingGroup(ReminderPolicy.GROUP)
public class ReminderPolicy {
    public static final String GROUP = "reminders";

    private final ReminderOutbox outbox;
    private final ReminderProperties properties;
    private final JdbcClient jdbc;
    private final DeadlineBoard deadlines;
    private final Clock clock;

    public ReminderPolicy(ReminderOutbox outbox, ReminderProperties properties, JdbcClient jdbc, DeadlineBoard deadlines,
                          Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.jdbc = jdbc;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @EventHandler
    void on(ChangeInitiated e) {
        if (!properties.enabled()) {
            return;
        }
        String what = describe(e);
        for (String to : outbox.recipients(e.registerId(), MemberRole.HEAD.name(), e.division())) {
            outbox.add(to, "Изменение перечня ожидает вашего согласования",
                    "Здравствуйте!\n\nСпециалист " + e.by() + " предлагает изменение перечня точек взаимодействия («"
                            + e.registerId() + "»): " + what + ".\nОснование: " + e.reason().title() + ".\n\n"
                            + "Согласуйте или отклоните его: " + link(e.changeId()) + "\n", e.at());
        }
    }

    @EventHandler
    void on(DivisionApproved e) {
        if (!properties.enabled()) {
            return;
        }
        for (String to : outbox.recipients(e.registerId(), MemberRole.DEPUTY.name(), null)) {
            outbox.add(to, "Изменение перечня ожидает утверждения",
                    "Здравствуйте!\n\nРуководитель подразделения " + e.by() + " согласовал изменение " + e.changeId()
                            + " перечня «" + e.registerId() + "». Оно ожидает вашего утверждения: " + link(e.changeId()) + "\n",
                    e.at());
        }
    }

    @EventHandler
    void on(PublicationDeadlineMissed e) {
        if (!properties.enabled()) {
            return;
        }
        for (String to : outbox.recipients(e.registerId(), MemberRole.PUBLISHER.name(), null)) {
            outbox.add(to, "Срок публикации перечня истёк",
                    "Здравствуйте!\n\nСрок публикации новой редакции перечня «" + e.registerId() + "» ("
                            + e.dueDate() + ") истёк, изменение " + e.changeId() + " не опубликовано. "
                            + "Разместите текущую редакцию на официальном сайте и отметьте публикацию: "
                            + link(e.changeId()) + "\n", e.at());
        }
    }

    /**
     * Publishers hear once per change when its publication comes within two working days of the due date: the
     * change is claimed once in {@code reminder_sent}, whichever replica scans first.
     */
    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "${register.deadlines.scan-interval:PT1M}")
    public void remindOfPublicationsAtRisk() {
        if (!properties.enabled()) {
            return;
        }
        for (DeadlineBoard.DeadlineView d : deadlines.deadlines(null, PublicationDeadline.Status.AT_RISK, 0,
                DeadlineBoard.ALL)) {
            int claimed = jdbc.sql("""
                            insert into reminder_sent(change_id, kind, sent_at) values (?, 'PUBLICATION_AT_RISK', ?)
                            on conflict do nothing""")
                    .params(d.changeId(), Timestamp.from(clock.instant())).update();
            if (claimed == 1) {
                for (String to : outbox.recipients(d.registerId(), MemberRole.PUBLISHER.name(), null)) {
                    outbox.add(to, "Срок публикации перечня истекает " + d.dueDate(),
                            "Здравствуйте!\n\nДо истечения срока публикации перечня «" + d.registerId() + "» осталось "
                                    + d.workingDaysLeft() + " раб. дн. (срок — " + d.dueDate() + ", изменение "
                                    + d.changeId() + "): " + link(d.changeId()) + "\n",
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                }
            }
        }
    }

    private String link(String changeId) {
        return properties.baseUrl() + "/api/v1/changes/" + changeId;
    }

    private static String describe(ChangeInitiated e) {
        var row = e.after() != null ? e.after() : e.before();
        String action = switch (e.kind()) {
            case ADD -> "добавить";
            case EDIT -> "изменить";
            case REMOVE -> "исключить";
        };
        return action + " точку «" + row.touchpoint().name() + "» в процессе «" + row.process() + "»";
    }
}
