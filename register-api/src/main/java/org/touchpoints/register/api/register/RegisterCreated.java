package org.touchpoints.register.api.register;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.row.Template;

/**
 * A register exists. {@code procedure} is the authority's procedure, complete; null in a register created without one
 * (and in every event recorded before procedures were data): then {@link #procedureOrLegacy()} is today's procedure.
 */
public record RegisterCreated(
        String registerId,
        String authority,
        String timeZone,
        Integer publicationDeadlineWorkingDays,
        Template template,
        String region,
        String by,
        Instant at,
        Procedure procedure)
        implements RegisterEvent {

    public RegisterCreated(
            String registerId,
            String authority,
            String timeZone,
            Integer publicationDeadlineWorkingDays,
            Template template,
            String region,
            String by,
            Instant at) {
        this(registerId, authority, timeZone, publicationDeadlineWorkingDays, template, region, by, at, null);
    }

    /** The procedure the register runs: its own, or today's with the register's deadline. */
    public Procedure procedureOrLegacy() {
        return procedure != null ? procedure : Procedure.legacy(publicationDeadlineWorkingDays);
    }
}
