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
    /**
     * The tables of the rebuilt groups: a rebuild writes fresh copies of exactly these and swaps them in. Every
     * {@code q_} table belongs here or to a group that is not rebuilt ({@code ReplayIT} fails on one it does not know).
     */
    public static final List<String> REBUILT_TABLES = List.of(
            "q_register",
            "q_register_version",
            "q_division",
            "q_division_process",
            "q_group_number",
            "q_member",
            "q_row",
            "q_register_proposal",
            "q_change",
            "q_change_timeline",
            "q_publication",
            "q_history",
            "q_annual_review",
            "q_delegation",
            "q_approval_act");

    private Projections() {}
}
