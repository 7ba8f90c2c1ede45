package org.touchpoints.register.api.register;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines (or renames) a structural division and adds the processes it owns. */
public record DefineDivisionCommand(
        @TargetAggregateIdentifier String registerId,
        String divisionId,
        String name,
        List<String> processes,
        String by,
        Instant at) {}
