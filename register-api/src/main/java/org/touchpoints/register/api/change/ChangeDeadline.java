package org.touchpoints.register.api.change;

import java.time.LocalDate;

/**
 * A change's publication deadline as the read side knows it. {@code note}: the due date was counted by the federal
 * calendar alone (a region-year marked "federal only"); {@code problem}: why an approved change has no due date (the
 * count was refused: a year of the calendar is not loaded). Both null when there is nothing to say.
 */
public record ChangeDeadline(String changeId, ChangeStatus status, LocalDate dueDate, String note, String problem) {

    public ChangeDeadline(String changeId, ChangeStatus status, LocalDate dueDate) {
        this(changeId, status, dueDate, null, null);
    }
}
