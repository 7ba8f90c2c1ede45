package org.touchpoints.register.api.register;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A division confirms it reviewed its part of the register for the year (annual monitoring, seed 001 §5.5). */
public record ConfirmAnnualReviewCommand(
        @TargetAggregateIdentifier String registerId,
        String divisionId,
        int year,
        String comment,
        String by,
        Instant at) {}
