package org.touchpoints.register.api.change;

import java.time.Instant;
import java.time.LocalDate;
import org.touchpoints.register.api.RegisterEvent;

/** The due date of an approved change passed and the change was not yet published. */
public record PublicationDeadlineMissed(String registerId, String changeId, LocalDate dueDate, String by, Instant at)
        implements RegisterEvent {}
