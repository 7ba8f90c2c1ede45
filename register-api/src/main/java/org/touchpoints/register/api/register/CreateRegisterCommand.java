package org.touchpoints.register.api.register;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.row.Template;

/** Creates the register of one authority. {@code publicationDeadlineWorkingDays} is 5, 10 or null (no deadline). */
/**
 * {@code procedure} (nullable): the authority's procedure, complete (a preset filled and overridden by the caller);
 * null keeps today's procedure.
 */
public record CreateRegisterCommand(
        @TargetAggregateIdentifier String registerId,
        String authority,
        String timeZone,
        Integer publicationDeadlineWorkingDays,
        Template template,
        String region,
        String by,
        Instant at,
        Procedure procedure) {

    public CreateRegisterCommand(
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
}
