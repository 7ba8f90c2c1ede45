package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;

/** What the final approval returns; the due date is computed from it by the production calendar. */
public record DeputyApprovalResult(String changeId, ChangeStatus status, Instant approvedAt, LocalDate orderDate) {
}
