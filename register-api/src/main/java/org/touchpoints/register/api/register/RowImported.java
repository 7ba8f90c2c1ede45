package org.touchpoints.register.api.register;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;
import org.touchpoints.register.api.row.RowContent;

/** One row that entered the register by import (initial formation), with the file it came from. */
public record RowImported(String registerId, String rowId, RowContent row, String source, String by, Instant at) implements RegisterEvent {
}
