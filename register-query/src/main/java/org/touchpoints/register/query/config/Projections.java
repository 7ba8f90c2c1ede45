package org.touchpoints.register.query.config;

/** The processing group of every read model of this module. */
public final class Projections {
    public static final String GROUP = "projections";

    private Projections() {
    }
}
