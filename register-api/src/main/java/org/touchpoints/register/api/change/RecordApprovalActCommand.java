package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records an approving act covering {@code changeIds}; repeating it with the same {@code actId} records nothing new. */
public record RecordApprovalActCommand(
        @TargetAggregateIdentifier String registerId,
        String actId,
        String number,
        LocalDate date,
        List<String> changeIds,
        String by,
        Instant at) {}
