package org.touchpoints.register.api.change;

import org.touchpoints.register.api.row.RowContent;

/**
 * One row's part of a change, as recorded: {@code before} the target row as it stood (EDIT, REMOVE), {@code after}
 * the proposed row as it will stand (ADD, EDIT), {@code rowId} the row it touches (an ADD's new row).
 */
public record RowChange(ChangeKind kind, String rowId, RowContent before, RowContent after) {}
