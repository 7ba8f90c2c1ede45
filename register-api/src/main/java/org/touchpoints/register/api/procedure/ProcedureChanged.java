package org.touchpoints.register.api.procedure;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;

/**
 * An administrator changed the register's procedure (complete). Changes initiated before keep the chain they started
 * under; changes initiated from now on run under this one.
 */
public record ProcedureChanged(String registerId, Procedure procedure, String by, Instant at)
        implements RegisterEvent {}
