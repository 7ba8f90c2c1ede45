package org.touchpoints.register.query.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;
import org.touchpoints.register.platform.calendar.RegionalCalendarMissingException;

/**
 * When the publication of an approved change is due (000 §3.1, 001 §5.5, 003 §3.1, 004 §5.4): the N-th working
 * day after the day the change was made. The change is made on the local date (authority's time zone) of the
 * deputy's approval, or on the date of the approving order when one is given and is earlier.
 */
public final class PublicationDeadline {
    /** A deadline with two working days or fewer left is at risk. */
    public static final int AT_RISK_WORKING_DAYS = 2;

    private PublicationDeadline() {
    }

    public static LocalDate madeOn(Instant approvedAt, LocalDate orderDate, ZoneId zone) {
        LocalDate approvedOn = approvedAt.atZone(zone).toLocalDate();
        return orderDate != null && orderDate.isBefore(approvedOn) ? orderDate : approvedOn;
    }

    public static LocalDate dueDate(ProductionCalendar calendar, LocalDate madeOn, int workingDays, String region) {
        return calendar.addWorkingDays(madeOn, workingDays, region);
    }

    /**
     * A due date counted, and what a person must know of it: {@code note} when a year of the count was taken from the
     * federal calendar alone by an administrator's "federal only" mark; {@code problem} (and no due date) when the count
     * was refused: a federal year, or the region's overlay of a year, is not loaded.
     */
    public record Counted(LocalDate dueDate, String note, String problem, String unknown) {
        /** Nothing to count (the procedure sets no deadline). */
        public static final Counted NONE = new Counted(null, null, null, null);
    }

    /** Why a due date is not known, in a few words: «нет календаря на 2027 год». */
    public static String unknownBecause(CalendarYearMissingException missing) {
        return missing instanceof RegionalCalendarMissingException regional
                ? "нет регионального календаря " + regional.region() + " на " + missing.year() + " год"
                : "нет календаря на " + missing.year() + " год";
    }

    public static Counted count(ProductionCalendar calendar, LocalDate madeOn, int workingDays, String region) {
        try {
            LocalDate due = dueDate(calendar, madeOn, workingDays, region);
            return new Counted(due, federalOnlyNote(calendar, region, madeOn, due), null, null);
        } catch (CalendarYearMissingException missing) {
            return new Counted(null, null, "Срок публикации не рассчитан: " + missing.getMessage(), unknownBecause(missing));
        }
    }

    /**
     * «срок рассчитан по федеральному календарю: региональный календарь RU-DA на 2027 год не загружен», or null when
     * every year of {@code (fromExclusive, toInclusive]} was counted with the region's own days.
     */
    public static String federalOnlyNote(ProductionCalendar calendar, String region, LocalDate fromExclusive,
                                         LocalDate toInclusive) {
        return calendar.federalOnlyNote(region, fromExclusive, toInclusive);
    }

    public enum Status {
        PENDING("Ожидает публикации"),
        AT_RISK("Срок на исходе"),
        OVERDUE("Просрочено"),
        PUBLISHED_ON_TIME("Опубликовано в срок"),
        PUBLISHED_LATE("Опубликовано с опозданием");

        private final String title;

        Status(String title) {
            this.title = title;
        }

        /** What a person reads on the pages. */
        public String title() {
            return title;
        }
    }

    /** A publication is on time when its local date is on or before the due date. */
    public static Status status(LocalDate dueDate, LocalDate publishedOn, int workingDaysLeft, LocalDate today) {
        if (publishedOn != null) {
            return publishedOn.isAfter(dueDate) ? Status.PUBLISHED_LATE : Status.PUBLISHED_ON_TIME;
        }
        if (today.isAfter(dueDate)) {
            return Status.OVERDUE;
        }
        return workingDaysLeft <= AT_RISK_WORKING_DAYS ? Status.AT_RISK : Status.PENDING;
    }
}
