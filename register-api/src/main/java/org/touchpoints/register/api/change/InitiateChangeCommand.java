package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.row.RowContent;

/**
 * A division specialist proposes to add, edit or remove a row. {@code rowId} names the target of EDIT and
 * REMOVE; an ADD's new row takes the change's id. Repeating the command with the same {@code changeId} and
 * the same content records nothing new. {@code expectedRegisterVersion} (nullable) is the register's version the
 * specialist saw.
 */
public record InitiateChangeCommand(@TargetAggregateIdentifier String registerId, String changeId, ChangeKind kind,
                                    String rowId, RowContent row, ChangeReason reason, String comment,
                                    Long expectedRegisterVersion, String by, Instant at) {
}
