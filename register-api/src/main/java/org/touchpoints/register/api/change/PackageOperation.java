package org.touchpoints.register.api.change;

import org.touchpoints.register.api.row.RowContent;

/**
 * One operation of a proposed change package, as the specialist sends it: the same three fields a single-row change
 * has at its top level. {@code rowId} names the target of EDIT and REMOVE (an ADD names none: its new row takes the
 * id {@code <changeId>-<n>}, n the operation's position from 1); {@code row} is the proposed content of ADD and EDIT.
 */
public record PackageOperation(ChangeKind kind, String rowId, RowContent row) {}
