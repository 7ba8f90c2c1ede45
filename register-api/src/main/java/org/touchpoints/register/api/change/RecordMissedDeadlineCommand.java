package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline watcher when the publication due date of an approved change has passed without a
 * publication; the register records it once.
 */
public record RecordMissedDeadlineCommand(@TargetAggregateIdentifier String registerId, String changeId,
                                          LocalDate dueDate, String by, Instant at) {
}
