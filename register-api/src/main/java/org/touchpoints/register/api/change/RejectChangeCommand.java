package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectChangeCommand(@TargetAggregateIdentifier String registerId, String changeId, String reason,
                                  String by, Instant at) {
}
