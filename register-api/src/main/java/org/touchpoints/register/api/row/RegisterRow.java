package org.touchpoints.register.api.row;

/** A row with its stable id. */
public record RegisterRow(String rowId, RowContent content) {
}
