package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;
import org.touchpoints.register.api.row.RowContent;

/**
 * A change entered the approval chain. {@code before} is the target row as it stood (EDIT, REMOVE),
 * {@code after} the proposed row (ADD, EDIT).
 */
public record ChangeInitiated(String registerId, String changeId, ChangeKind kind, String rowId, RowContent before,
                              RowContent after, ChangeReason reason, String comment, String division,
                              String by, Instant at) implements RegisterEvent {
}
