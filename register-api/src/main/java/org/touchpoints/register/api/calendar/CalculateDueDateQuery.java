package org.touchpoints.register.api.calendar;

import java.time.Instant;

/**
 * Asks for the day by which a change must be published: the {@code workingDays}-th working day after the
 * day the change was made, counted in the authority's own time zone by the production calendar of its
 * region (DOMAIN.md, "Working days").
 *
 * @param madeAt      when the change was made (final approval)
 * @param workingDays N, the number of working days the procedure allows (5 or 10 in the seeded procedures)
 * @param zone        the authority's IANA time zone, e.g. {@code Europe/Moscow}, {@code Asia/Novosibirsk}
 * @param region      ISO 3166-2 code of the authority's region, e.g. {@code RU-DA}; {@code null} for the
 *                    federal calendar only
 */
public record CalculateDueDateQuery(Instant madeAt, int workingDays, String zone, String region) {
}
