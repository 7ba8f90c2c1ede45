package org.touchpoints.register.api.register;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.row.Template;

/** Creates the register of one authority. {@code publicationDeadlineWorkingDays} is 5, 10 or null (no deadline). */
public record CreateRegisterCommand(@TargetAggregateIdentifier String registerId, String authority, String timeZone,
                                    Integer publicationDeadlineWorkingDays, Template template, String region,
                                    String by, Instant at) {
}
