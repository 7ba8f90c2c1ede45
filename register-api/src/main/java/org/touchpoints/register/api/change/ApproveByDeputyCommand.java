package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveByDeputyCommand(@TargetAggregateIdentifier String registerId, String changeId, String comment,
                                     String orderNumber, LocalDate orderDate, String by, Instant at) {
}
