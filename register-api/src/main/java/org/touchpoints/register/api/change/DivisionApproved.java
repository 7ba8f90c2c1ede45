package org.touchpoints.register.api.change;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/**
 * The head of the initiating division agreed (first approval). {@code onBehalfOf} names the head whose right an
 * acting official ({@code by}) exercised; null when the head approved in person (and in every event recorded
 * before acting officials existed).
 */
public record DivisionApproved(
        String registerId, String changeId, String comment, String onBehalfOf, String by, Instant at)
        implements RegisterEvent {}
