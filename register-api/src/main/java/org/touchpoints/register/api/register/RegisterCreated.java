package org.touchpoints.register.api.register;

import org.touchpoints.register.api.RegisterEvent;
import java.time.Instant;
import org.touchpoints.register.api.row.Template;

public record RegisterCreated(String registerId, String authority, String timeZone,
                              Integer publicationDeadlineWorkingDays, Template template, String region,
                              String by, Instant at) implements RegisterEvent {
}
