package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveByDivisionCommand(@TargetAggregateIdentifier String registerId, String changeId, String comment,
                                       String by, Instant at) {
}
