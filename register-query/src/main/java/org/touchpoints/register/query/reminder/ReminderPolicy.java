package org.touchpoints.register.query.reminder;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeWithdrawn;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.DueDateCounted;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.change.StepApproved;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRevoked;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.query.deadline.DeadlineBoard;
import org.touchpoints.register.query.ui.People;
import org.touchpoints.register.query.ui.Words;

/**
 * Who is reminded of what: the heads of the division when a change waits for their agreement, the deputy when
 * it waits for approval, the initiator when their change is approved or rejected, the publishers when a
 * publication is at risk (once per change) or missed. A group of its own that reads only tables of its own, which no
 * rebuild touches: what went out ({@code reminder_sent}) and what it knows of registers, members and changes
 * ({@link ReminderBook}). Rebuilding the read models sends nothing again, and a reminder never depends on how far
 * another group has got.
 */
@Component
@ProcessingGroup(ReminderPolicy.GROUP)
public class ReminderPolicy {
    public static final String GROUP = "reminders";

    private final ReminderOutbox outbox;
    private final ReminderBook book;
    private final ReminderProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final People people;

    public ReminderPolicy(
            ReminderOutbox outbox,
            ReminderBook book,
            ReminderProperties properties,
            JdbcClient jdbc,
            Clock clock,
            People people) {
        this.outbox = outbox;
        this.book = book;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.people = people;
    }

    @EventHandler
    void on(RegisterCreated e) {
        book.registerCreated(e);
    }

    @EventHandler
    void on(MemberAssigned e) {
        book.memberAssigned(e.registerId(), e.username(), e.role().name(), e.divisionId());
    }

    @EventHandler
    void on(MemberRevoked e) {
        book.memberRevoked(e.registerId(), e.username(), e.role().name(), e.divisionId());
    }

    @EventHandler
    void on(ChangeInitiated e) {
        book.initiated(e);
        if (!properties.enabled()) {
            return;
        }
        if (e.chain() != null
                && !e.chain().steps().equals(List.of(ProcedureStep.DIVISION_HEAD, ProcedureStep.DEPUTY))) {
            // a procedure of its own: whoever holds the first step (or the act) hears of it
            remindOfStep(
                    e.registerId(),
                    e.changeId(),
                    e.division(),
                    e.chain(),
                    -1,
                    e.at(),
                    "Специалист " + people.name(e.by()) + " предлагает изменение перечня точек взаимодействия («"
                            + e.registerId() + "»): " + describe(e) + ".\nОснование: "
                            + e.reason().title() + ".");
            return;
        }
        String what = describe(e);
        for (String to : book.recipients(e.registerId(), MemberRole.HEAD.name(), e.division())) {
            outbox.add(
                    to,
                    "Изменение перечня ожидает вашего согласования",
                    "Здравствуйте!\n\nСпециалист " + people.name(e.by())
                            + " предлагает изменение перечня точек взаимодействия («"
                            + e.registerId() + "»): " + what + ".\nОснование: "
                            + e.reason().title() + ".\n\n"
                            + "Согласуйте или отклоните его: " + link(e.changeId()) + "\n",
                    e.at());
        }
    }

    @EventHandler
    void on(StepApproved e) {
        book.stepGiven(e.changeId(), e.at());
        if (!properties.enabled()) {
            return;
        }
        ApprovalChain chain = chainOf(e.changeId());
        if (chain != null) {
            remindOfStep(
                    e.registerId(),
                    e.changeId(),
                    divisionOf(e.changeId()),
                    chain,
                    chain.steps().indexOf(e.step()),
                    e.at(),
                    "Изменение " + e.changeId() + " перечня «" + e.registerId() + "» прошло шаг согласования («"
                            + e.step().title() + "», " + people.name(e.by(), e.onBehalfOf()) + ").");
        }
    }

    /**
     * The holders of the step after {@code done} (an index in the chain; -1: none given yet) are reminded; after the
     * last step of a chain that requires an act, those who may record the act.
     */
    private void remindOfStep(
            String registerId,
            String changeId,
            String division,
            ApprovalChain chain,
            int done,
            java.time.Instant at,
            String what) {
        int next = done + 1;
        if (next < chain.steps().size()) {
            ProcedureStep step = chain.steps().get(next);
            for (String to : book.recipients(
                    registerId, step.role().name(), step == ProcedureStep.DIVISION_HEAD ? division : null)) {
                outbox.add(
                        to,
                        "Изменение перечня ожидает вашего согласования",
                        "Здравствуйте!\n\n" + what + "\n\nСогласуйте или отклоните его: " + link(changeId) + "\n",
                        at);
            }
        } else if (chain.actRequired()) {
            java.util.Set<String> holders = new java.util.LinkedHashSet<>();
            for (MemberRole role : List.of(MemberRole.DEPUTY, MemberRole.RESPONSIBLE, MemberRole.HEAD_OF_AUTHORITY)) {
                holders.addAll(book.recipients(registerId, role.name(), null));
            }
            for (String to : holders) {
                outbox.add(
                        to,
                        "Изменение перечня ожидает утверждения приказом",
                        "Здравствуйте!\n\n" + what + "\n\nИзменение согласовано и ожидает приказа об утверждении: "
                                + link(changeId) + "\n",
                        at);
            }
        }
    }

    /** The chain the change runs under, as this group recorded it (null: today's, or a change it never saw). */
    private ApprovalChain chainOf(String changeId) {
        return book.change(changeId).map(ReminderBook.Change::chain).orElse(null);
    }

    private String divisionOf(String changeId) {
        return book.change(changeId).map(ReminderBook.Change::division).orElse(null);
    }

    @EventHandler
    void on(DivisionApproved e) {
        book.stepGiven(e.changeId(), e.at());
        if (!properties.enabled()) {
            return;
        }
        ApprovalChain chain = chainOf(e.changeId());
        if (chain != null && !chain.steps().equals(List.of(ProcedureStep.DIVISION_HEAD, ProcedureStep.DEPUTY))) {
            remindOfStep(
                    e.registerId(),
                    e.changeId(),
                    divisionOf(e.changeId()),
                    chain,
                    chain.steps().indexOf(ProcedureStep.DIVISION_HEAD),
                    e.at(),
                    "Руководитель подразделения " + people.name(e.by(), e.onBehalfOf()) + " согласовал изменение "
                            + e.changeId() + " перечня «" + e.registerId() + "».");
            return;
        }
        for (String to : book.recipients(e.registerId(), MemberRole.DEPUTY.name(), null)) {
            outbox.add(
                    to,
                    "Изменение перечня ожидает утверждения",
                    "Здравствуйте!\n\nРуководитель подразделения " + people.name(e.by(), e.onBehalfOf())
                            + " согласовал изменение " + e.changeId() + " перечня «" + e.registerId()
                            + "». Оно ожидает вашего утверждения: " + link(e.changeId()) + "\n",
                    e.at());
        }
    }

    /** The initiator hears that their change is approved: it is in the register now and awaits publication. */
    @EventHandler
    void on(DeputyApproved e) {
        book.approved(e.registerId(), e.changeId(), e.at(), e.orderDate(), null, e.due());
        if (!properties.enabled()) {
            return;
        }
        toInitiator(
                e.changeId(),
                "Ваше изменение перечня утверждено",
                "Здравствуйте!\n\nИзменение " + e.changeId() + " перечня «" + e.registerId()
                        + "», которое вы предложили, "
                        + "утверждено (" + people.name(e.by(), e.onBehalfOf()) + ")"
                        + (e.orderNumber() == null
                                ? ""
                                : ", приказ № " + e.orderNumber()
                                        + (e.orderDate() == null ? "" : " от " + Words.date(e.orderDate())))
                        + ". Оно внесено в перечень и будет опубликовано на официальном сайте в установленный срок.\n\n"
                        + "Изменение: " + link(e.changeId()) + "\n",
                e.at());
    }

    /** The initiator hears that their change is rejected, by whom and why: they may propose it again, corrected. */
    @EventHandler
    void on(ChangeRejected e) {
        if (properties.enabled()) {
            toInitiator(
                    e.changeId(),
                    "Ваше изменение перечня отклонено",
                    "Здравствуйте!\n\nИзменение " + e.changeId() + " перечня «" + e.registerId()
                            + "», которое вы предложили, "
                            + "отклонено (" + people.name(e.by(), e.onBehalfOf()) + ").\nПричина: " + e.reason()
                            + "\n\nИсправьте предложение и направьте его снова: " + link(e.changeId()) + "\n",
                    e.at());
        }
        book.forget(List.of(e.changeId()));
    }

    /** An approval other than the deputy's: nobody is told, but the publication clock runs (see the at-risk scan). */
    @EventHandler
    void on(ChangeApproved e) {
        book.approved(e.registerId(), e.changeId(), e.at(), e.actDate(), e.actId(), e.due());
    }

    @EventHandler
    void on(DueDateCounted e) {
        book.dueCounted(e.changeId(), e.due());
    }

    @EventHandler
    void on(ChangeWithdrawn e) {
        book.forget(List.of(e.changeId()));
    }

    @EventHandler
    void on(Published e) {
        if (!e.coveredChangeIds().isEmpty()) {
            book.forget(e.coveredChangeIds());
        }
    }

    private void toInitiator(String changeId, String subject, String body, java.time.Instant at) {
        book.change(changeId)
                .map(ReminderBook.Change::initiatedBy)
                .flatMap(outbox::addressOf)
                .ifPresent(to -> outbox.add(to, subject, body, at));
    }

    @EventHandler
    void on(PublicationDeadlineMissed e) {
        if (!properties.enabled()) {
            return;
        }
        for (String to : book.recipients(e.registerId(), MemberRole.PUBLISHER.name(), null)) {
            outbox.add(
                    to,
                    "Срок публикации перечня истёк",
                    "Здравствуйте!\n\nСрок публикации новой редакции перечня «" + e.registerId() + "» ("
                            + Words.date(e.dueDate()) + ") истёк, изменение " + e.changeId() + " не опубликовано. "
                            + "Разместите текущую редакцию на официальном сайте и отметьте публикацию: "
                            + link(e.changeId()) + "\n",
                    e.at());
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
        for (DeadlineBoard.DeadlineView d : book.notYetRemindedAtRisk()) {
            int claimed = jdbc.sql("""
                            insert into reminder_sent(change_id, kind, sent_at) values (?, 'PUBLICATION_AT_RISK', ?)
                            on conflict do nothing""")
                    .params(d.changeId(), Timestamp.from(clock.instant()))
                    .update();
            if (claimed == 1) {
                for (String to : book.recipients(d.registerId(), MemberRole.PUBLISHER.name(), null)) {
                    if (d.dueDateUnknown() != null) { // the calendar lacks a year: say so, never stay silent
                        outbox.add(
                                to,
                                "Срок публикации перечня не рассчитан",
                                "Здравствуйте!\n\nСрок публикации изменения " + d.changeId() + " перечня «"
                                        + d.registerId()
                                        + "» не рассчитан: " + d.dueDateUnknown()
                                        + ". Опубликуйте перечень как можно скорее "
                                        + "и попросите администратора загрузить производственный календарь: "
                                        + link(d.changeId()) + "\n",
                                clock.instant().truncatedTo(ChronoUnit.MILLIS));
                        continue;
                    }
                    outbox.add(
                            to,
                            "Срок публикации перечня истекает " + Words.date(d.dueDate()),
                            "Здравствуйте!\n\nДо истечения срока публикации перечня «" + d.registerId() + "» осталось "
                                    + d.workingDaysLeft() + " раб. дн. (срок — " + Words.date(d.dueDate())
                                    + ", изменение "
                                    + d.changeId() + "): " + link(d.changeId()) + "\n",
                            clock.instant().truncatedTo(ChronoUnit.MILLIS));
                }
            }
        }
    }

    private String link(String changeId) {
        return properties.baseUrl() + "/changes/" + changeId;
    }

    private static String describe(ChangeInitiated e) {
        if (e.severalRows()) {
            return "пакет изменений: " + e.operations().size() + " строк(и) перечня";
        }
        var row = e.after() != null ? e.after() : e.before();
        String action = switch (e.kind()) {
            case ADD -> "добавить";
            case EDIT -> "изменить";
            case REMOVE -> "исключить";
            case PACKAGE -> "изменить";
        };
        return action + " точку «" + row.touchpoint().name() + "» в процессе «" + row.process() + "»";
    }
}
