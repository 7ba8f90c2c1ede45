package org.touchpoints.register.platform.calendar;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The region-years an administrator marked "federal only": the region has regional non-working days, its overlay for
 * that year is not loaded, and deadlines there are nevertheless to be counted by the federal calendar, saying so
 * (see {@link ProductionCalendar#federalOnlyYears}). A loaded overlay always wins over a mark.
 */
public interface FederalOnlyMarks {
    /** No marks: every missing regional year is refused. */
    FederalOnlyMarks NONE = (region, year) -> false;

    /** @param region an ISO 3166-2 code, upper case ({@link ProductionCalendar#normalizeRegion}) */
    boolean isMarked(String region, int year);

    /** Marks kept in memory (tests, and a calendar without a database). */
    final class InMemory implements FederalOnlyMarks {
        private final Set<String> marked = ConcurrentHashMap.newKeySet();

        public void mark(String region, int year) {
            marked.add(region + "/" + year);
        }

        @Override
        public boolean isMarked(String region, int year) {
            return marked.contains(region + "/" + year);
        }
    }
}
