package org.touchpoints.register.api.change;

import java.time.Instant;
import org.touchpoints.register.api.RegisterEvent;
import org.touchpoints.register.api.calendar.PublicationDue;

/**
 * The publication due date of an approved change, refused when the change entered the register (a year of the
 * production calendar was not loaded), is counted now that the calendar has the year: from the same day the change was
 * made. The approval event keeps what was known then; this event adds what is known since.
 */
public record DueDateCounted(String registerId, String changeId, PublicationDue due, String by, Instant at)
        implements RegisterEvent {}
