package org.touchpoints.register.api.register;

import java.time.Instant;
import java.util.List;
import org.touchpoints.register.api.RegisterEvent;

/** A division exists in the register and owns these processes (added to what it owned before). */
public record DivisionDefined(
        String registerId, String divisionId, String name, List<String> processes, String by, Instant at)
        implements RegisterEvent {}
