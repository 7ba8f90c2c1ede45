package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent when the production calendar changed (a year uploaded, a region-year marked "federal only") for an approved
 * change whose due date could not be counted: the register counts it again and records {@link DueDateCounted} when it
 * can now. Answers whether it was counted.
 */
public record CountDueDateCommand(@TargetAggregateIdentifier String registerId, String changeId, String by, Instant at)
        implements ChangeCommand {}
