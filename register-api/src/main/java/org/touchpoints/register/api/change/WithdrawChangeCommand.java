package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawChangeCommand(@TargetAggregateIdentifier String registerId, String changeId, String by,
                                    Instant at) {
}
