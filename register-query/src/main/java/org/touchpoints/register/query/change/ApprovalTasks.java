package org.touchpoints.register.query.change;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.task.Task;
import org.touchpoints.register.query.task.TaskGroup;
import org.touchpoints.register.query.task.TaskSource;
import org.touchpoints.register.query.ui.People;
import org.touchpoints.register.query.ui.Viewer;
import org.touchpoints.register.query.ui.Words;

/**
 * Proposals waiting for the person's agreement (a division head) and changes waiting for their approval (the deputy):
 * the same changes as their inbox, in the inbox's order (oldest first).
 */
@Component
@Order(10)
public class ApprovalTasks implements TaskSource {
    private final InboxPage inbox;
    private final RegisterReadModel registers;
    private final People people;

    public ApprovalTasks(InboxPage inbox, RegisterReadModel registers, People people) {
        this.inbox = inbox;
        this.registers = registers;
        this.people = people;
    }

    @Override
    public List<TaskGroup> tasksFor(Viewer viewer) {
        List<Task> agree = new ArrayList<>();
        List<Task> approve = new ArrayList<>();
        Map<String, RegisterReadModel.RegisterSummary> registerOf = new HashMap<>();
        Function<String, String> name = people.cached();
        for (ChangeView c : inbox.waitingFor(viewer)) {
            var register = registerOf.computeIfAbsent(c.registerId(), registers::require);
            boolean first = ChangeStatus.INITIATED.name().equals(c.status());
            String detail = register.authority() + "; предложил(а) " + name.apply(c.initiatedBy()) + " "
                    + Words.date(c.initiatedAt()
                            .atZone(java.time.ZoneId.of(register.timeZone()))
                            .toLocalDate())
                    + "; основание: "
                    + org.touchpoints.register.api.change.ChangeReason.valueOf(c.reason())
                            .title();
            (first ? agree : approve)
                    .add(new Task(
                            (first ? "Согласовать: " : "Утвердить: ") + ChangeSubject.of(c),
                            detail,
                            "/changes/" + c.changeId(),
                            false,
                            c.status()));
        }
        return List.of(
                new TaskGroup("agree", "Предложения на согласование", agree, "/inbox"),
                new TaskGroup("approve", "Изменения на утверждение", approve, "/inbox"));
    }
}
