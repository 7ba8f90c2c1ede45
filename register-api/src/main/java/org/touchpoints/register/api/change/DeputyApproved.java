package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.calendar.PublicationDue;

/**
 * The deputy head responsible for client-centricity approved the change, optionally by an order (приказ).
 * From this moment the change is in the register and the publication clock runs. {@code onBehalfOf} names the
 * deputy whose right an acting official ({@code by}) exercised; null when the deputy approved in person. {@code due}:
 * the publication deadline the register counted then; null in events recorded before it was counted into the event
 * (readers then count it from this event's dates, see the README).
 */
public record DeputyApproved(
        String registerId,
        String changeId,
        String comment,
        String orderNumber,
        LocalDate orderDate,
        String onBehalfOf,
        String by,
        Instant at,
        PublicationDue due)
        implements RegisterEvent {

    /** An approval without its deadline: the shape of the events recorded before the deadline was counted here. */
    public DeputyApproved(
            String registerId,
            String changeId,
            String comment,
            String orderNumber,
            LocalDate orderDate,
            String onBehalfOf,
            String by,
            Instant at) {
        this(registerId, changeId, comment, orderNumber, orderDate, onBehalfOf, by, at, null);
    }
}
