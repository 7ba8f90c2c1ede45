package org.touchpoints.register.query.config;

import java.util.List;

/**
 * The processing groups of this module's read models. The audit trail has a group of its own, so it goes on when
 * another read model cannot take an event (that event is parked in the dead-letter queue of its group).
 */
public final class Projections {
    /** The current register, changes, publications, delegations, reviews, versions. */
    public static final String GROUP = "projections";
    /** The audit trail. */
    public static final String HISTORY = "history";
    /** The groups a rebuild resets and replays. */
    public static final List<String> REBUILT = List.of(GROUP, HISTORY);

    private Projections() {
    }
}
