package org.touchpoints.register.api.register;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.row.RowContent;

/**
 * One row that entered the register by import (initial formation), with the file it came from. {@code groupNo} is
 * the № the file gave the row's group when the register keeps the file's numbering (see
 * {@link org.touchpoints.register.api.row.RegisterLayout#numbersTheFileGave}); null in events recorded before
 * the numbering was kept, and whenever the file's numbers are the ones the layout computes anyway.
 */
public record RowImported(
        String registerId, String rowId, RowContent row, String source, String by, Instant at, Integer groupNo)
        implements RegisterEvent {

    public RowImported(String registerId, String rowId, RowContent row, String source, String by, Instant at) {
        this(registerId, rowId, row, source, by, at, null);
    }
}
