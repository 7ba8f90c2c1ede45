package org.touchpoints.register.api.procedure;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the register's procedure ({@code procedure}: complete, a preset already filled in). */
public record ChangeProcedureCommand(
        @TargetAggregateIdentifier String registerId, Procedure procedure, String by, Instant at) {}
