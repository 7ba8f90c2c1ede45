package org.touchpoints.register.query.task;

import java.util.List;
import org.touchpoints.register.query.ui.Viewer;

/**
 * A kind of work that may wait for a person. Each feature that makes work contributes its own source (a Spring
 * bean); the landing page and the header's count ask them all, in their {@code @Order}. A new kind of task (an
 * approval act to record, a review due) is a new source, nothing else changes.
 */
public interface TaskSource {
    /** The groups of tasks waiting for {@code viewer}; empty groups are left out by the page. */
    List<TaskGroup> tasksFor(Viewer viewer);
}
