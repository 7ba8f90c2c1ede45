package org.touchpoints.register.api.register;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/** A division reviewed its part of the register for {@code year} (due by 31 December of that year). */
public record AnnualReviewConfirmed(
        String registerId, String divisionId, int year, String comment, String by, Instant at)
        implements RegisterEvent {}
