package org.touchpoints.register.query.calendar;

/**
 * Published (as a Spring application event) when the calendar an authority counts by changed at run time: a year
 * uploaded, or a region-year marked "federal only". Counts refused before may succeed now.
 */
public record CalendarChanged(String region, Integer year) {}
