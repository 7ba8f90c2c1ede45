package org.touchpoints.register.query.task;

import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.touchpoints.register.query.ui.UiController;
import org.touchpoints.register.query.ui.Viewer;

/**
 * Where everyone lands after signing in: what waits for them — proposals to agree, changes to approve, publications
 * due (overdue first), their own changes rejected with the reason — each group with its count.
 */
@UiController
public class TasksPage {
    private final Tasks tasks;

    public TasksPage(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks")
    String tasks(Model model) {
        Viewer viewer = (Viewer) model.getAttribute("viewer");
        List<TaskGroup> groups = tasks.of(viewer);
        model.addAttribute("groups", groups);
        model.addAttribute("taskCount", Tasks.count(groups));
        return "tasks";
    }
}
