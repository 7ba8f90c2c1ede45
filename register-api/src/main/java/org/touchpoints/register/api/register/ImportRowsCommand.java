package org.touchpoints.register.api.register;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.row.RegisterRow;

/**
 * Initial formation of a register from an existing table: every row enters through the event store, so
 * the register's history starts at the import. All or nothing.
 */
public record ImportRowsCommand(
        @TargetAggregateIdentifier String registerId, List<RegisterRow> rows, String source, String by, Instant at) {}
