package org.touchpoints.register.platform.calendar;

/**
 * The count reaches a year in which the authority's region has no overlay loaded, although the region has regional
 * non-working days (an overlay of some other year is loaded): counting by the federal calendar alone could miss its
 * holidays, so the count is refused until the overlay is loaded or an administrator marks the region-year "federal
 * only" ({@link FederalOnlyMarks}).
 */
public class RegionalCalendarMissingException extends CalendarYearMissingException {
    private final String region;

    public RegionalCalendarMissingException(String region, int year) {
        super(
                year,
                "Региональный календарь " + region + " на " + year + " год не загружен: у региона есть свои "
                        + "нерабочие дни, поэтому срок не считается по одному федеральному календарю. Загрузите календарь "
                        + "региона на " + year + " год или отметьте " + region + " " + year
                        + " как «только федеральный календарь» (администратор)");
        this.region = region;
    }

    public String region() {
        return region;
    }
}
