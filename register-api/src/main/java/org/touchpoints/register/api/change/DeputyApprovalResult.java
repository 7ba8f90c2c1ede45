package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.touchpoints.register.api.calendar.PublicationDue;

/**
 * What the final approval returns: {@code due} is the publication deadline recorded in the approval event (null while
 * the change awaits an approving act, and for an approval recorded before deadlines were counted into the event).
 */
public record DeputyApprovalResult(
        String changeId, ChangeStatus status, Instant approvedAt, LocalDate orderDate, PublicationDue due) {}
