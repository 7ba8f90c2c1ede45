package org.touchpoints.register.api.change;

import java.time.LocalDate;

public record ChangeDeadline(String changeId, ChangeStatus status, LocalDate dueDate) {
}
