package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.touchpoints.register.api.RegisterEvent;

/**
 * An approving act (приказ, распоряжение) of the authority: its number and date, and the changes awaiting an act that
 * it approves (each then gets its {@link ChangeApproved}).
 */
public record ApprovalActRecorded(
        String registerId, String actId, String number, LocalDate date, List<String> changeIds, String by, Instant at)
        implements RegisterEvent {
    public ApprovalActRecorded {
        changeIds = changeIds == null ? List.of() : List.copyOf(changeIds);
    }
}
