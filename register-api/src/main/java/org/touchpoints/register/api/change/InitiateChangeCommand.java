package org.touchpoints.register.api.change;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.touchpoints.register.api.row.RowContent;

/**
 * A division specialist proposes to add, edit or remove a row. {@code rowId} names the target of EDIT and
 * REMOVE; an ADD's new row takes the change's id. Repeating the command with the same {@code changeId} and
 * the same content records nothing new. {@code expectedRegisterVersion} (nullable) is the register's version the
 * specialist saw. {@code changeIdTakenElsewhere}: the sender found the id on a change of another register; the
 * register refuses it, after checking that the sender may initiate at all (permission before state).
 */
public record InitiateChangeCommand(
        @TargetAggregateIdentifier String registerId,
        String changeId,
        ChangeKind kind,
        String rowId,
        RowContent row,
        ChangeReason reason,
        String comment,
        Long expectedRegisterVersion,
        String by,
        Instant at,
        boolean changeIdTakenElsewhere) {

    public InitiateChangeCommand(
            String registerId,
            String changeId,
            ChangeKind kind,
            String rowId,
            RowContent row,
            ChangeReason reason,
            String comment,
            Long expectedRegisterVersion,
            String by,
            Instant at) {
        this(registerId, changeId, kind, rowId, row, reason, comment, expectedRegisterVersion, by, at, false);
    }
}
