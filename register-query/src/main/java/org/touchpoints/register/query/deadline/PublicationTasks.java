package org.touchpoints.register.query.deadline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.touchpoints.register.query.register.RegisterReadModel;
import org.touchpoints.register.query.task.Task;
import org.touchpoints.register.query.task.TaskGroup;
import org.touchpoints.register.query.task.TaskSource;
import org.touchpoints.register.query.ui.Viewer;
import org.touchpoints.register.query.ui.Words;

/**
 * For a publisher: each of their registers with approved changes not yet published — one publication covers them
 * all — overdue ones first, then by the nearest due date.
 */
@Component
@Order(30)
public class PublicationTasks implements TaskSource {
    private final DeadlineBoard deadlines;
    private final RegisterReadModel registers;

    public PublicationTasks(DeadlineBoard deadlines, RegisterReadModel registers) {
        this.deadlines = deadlines;
        this.registers = registers;
    }

    @Override
    public List<TaskGroup> tasksFor(Viewer viewer) {
        List<String> registerIds = viewer.memberships().stream()
                .filter(m -> "PUBLISHER".equals(m.role()))
                .map(Viewer.Membership::registerId)
                .distinct()
                .toList();
        record Due(Task task, boolean overdue, java.time.LocalDate dueDate) {}
        List<Due> due = new ArrayList<>();
        for (String registerId : registerIds) {
            Map<String, DeadlineBoard.DeadlineView> waiting = new LinkedHashMap<>();
            deadlines.deadlines(registerId).stream()
                    .filter(d -> d.publishedOn() == null)
                    .forEach(d -> waiting.put(d.changeId(), d));
            if (waiting.isEmpty()) {
                continue;
            }
            DeadlineBoard.DeadlineView nearest = waiting.values().stream()
                    .min(Comparator.comparing(DeadlineBoard.DeadlineView::dueDate))
                    .orElseThrow();
            boolean overdue = waiting.values().stream().anyMatch(d -> d.status() == PublicationDeadline.Status.OVERDUE);
            var register = registers.require(registerId);
            int n = waiting.size();
            String changes = n + " "
                    + (n % 10 == 1 && n % 100 != 11
                            ? "утверждённое изменение"
                            : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14)
                                    ? "утверждённых изменения"
                                    : "утверждённых изменений");
            due.add(new Due(
                    new Task(
                            "Опубликовать новую редакцию: " + register.authority(),
                            changes + "; срок публикации " + Words.date(nearest.dueDate()) + " — "
                                    + DeadlinePage.daysText(nearest),
                            "/registers/" + registerId + "/publish",
                            overdue,
                            overdue ? "OVERDUE" : nearest.status().name()),
                    overdue,
                    nearest.dueDate()));
        }
        due.sort(Comparator.comparing((Due d) -> !d.overdue()).thenComparing(Due::dueDate));
        return List.of(new TaskGroup(
                "publish", "Публикации", due.stream().map(Due::task).toList(), "/deadlines"));
    }
}
