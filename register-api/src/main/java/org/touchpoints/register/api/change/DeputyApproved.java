package org.touchpoints.register.api.change;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The deputy head responsible for client-centricity approved the change, optionally by an order (приказ).
 * From this moment the change is in the register and the publication clock runs. {@code onBehalfOf} names the
 * deputy whose right an acting official ({@code by}) exercised; null when the deputy approved in person.
 */
public record DeputyApproved(String registerId, String changeId, String comment, String orderNumber,
                             LocalDate orderDate, String onBehalfOf, String by, Instant at) implements RegisterEvent {
}
