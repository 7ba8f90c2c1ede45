package org.touchpoints.register.query.task;

import java.util.List;

/**
 * Tasks of one kind (proposals to agree, changes to approve, publications due, one's own changes returned…).
 *
 * @param key     a stable id for the page ({@code tasks-<key>}) and tests
 * @param heading the group's heading on the page
 * @param all     where the whole list of this kind is (the inbox, the deadlines page), or null
 */
public record TaskGroup(String key, String heading, List<Task> tasks, String all) {
    public int count() {
        return tasks.size();
    }
}
