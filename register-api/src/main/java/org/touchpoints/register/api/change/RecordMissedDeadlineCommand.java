package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the deadline watcher when the publication due date of an approved change has passed without a
 * publication; the register records it once, against the due date it recorded itself (the sender names no date).
 */
public record RecordMissedDeadlineCommand(
        @TargetAggregateIdentifier String registerId, String changeId, String by, Instant at)
        implements ChangeCommand {}
