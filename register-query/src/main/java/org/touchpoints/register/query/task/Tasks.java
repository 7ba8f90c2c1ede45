package org.touchpoints.register.query.task;

import java.util.List;
import org.springframework.stereotype.Component;
import org.touchpoints.register.query.ui.Viewer;

/** Everything waiting for a person, from every {@link TaskSource}. Templates reach it as {@code @tasks}. */
@Component("tasks")
public class Tasks {
    private final List<TaskSource> sources;

    public Tasks(List<TaskSource> sources) {
        this.sources = sources;
    }

    /** The non-empty groups, in the sources' order. */
    public List<TaskGroup> of(Viewer viewer) {
        if (viewer == null || !viewer.signedIn()) {
            return List.of();
        }
        return sources.stream()
                .flatMap(s -> s.tasksFor(viewer).stream())
                .filter(g -> !g.tasks().isEmpty())
                .toList();
    }

    /** How many tasks wait for the person: the header's count on every page. */
    public int countFor(Viewer viewer) {
        return count(of(viewer));
    }

    public static int count(List<TaskGroup> groups) {
        return groups.stream().mapToInt(TaskGroup::count).sum();
    }
}
