package org.touchpoints.register.api.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The publication deadline of a change as the register counted it when the change entered the register (DOMAIN.md,
 * "Working days"), recorded in the approval event so that it never changes after the fact.
 *
 * @param madeOn      the day the change was made, in the authority's time zone (the count starts the next day)
 * @param workingDays N, the working days the procedure allows; null when it sets no deadline (then nothing is due)
 * @param dueDate     the N-th working day after {@code madeOn}; null when there is no deadline or the count was
 *                    refused (see {@code problem})
 * @param note        what a person must know of a count made by the federal calendar alone (a region-year an
 *                    administrator marked "federal only"); null when there is nothing to say
 * @param problem     why the count was refused («Срок публикации не рассчитан: …»: a year is not loaded); null when
 *                    counted
 * @param unknown     the same in a few words («нет календаря на 2027 год»); null when counted
 * @param calendar    the calendar the count used: every year it looked at with the fingerprint of its file
 *                    ({@code federal/2025@1a2b3c4d,region/RU-DA/2025@…}); null when nothing was counted
 */
public record PublicationDue(
        LocalDate madeOn,
        Integer workingDays,
        LocalDate dueDate,
        String note,
        String problem,
        String unknown,
        String calendar) {

    /** The procedure sets no deadline: the change was made on {@code madeOn} and nothing is due. */
    public static PublicationDue none(LocalDate madeOn) {
        return new PublicationDue(madeOn, null, null, null, null, null, null);
    }

    /** Whether the count was refused (a year of the calendar missing) and may be made once the year is loaded. */
    public boolean refused() {
        return workingDays != null && dueDate == null;
    }

    /**
     * The day a change approved at {@code approvedAt} was made: the local date of the approval in the authority's
     * time zone, or the date of the approving order named at it when that is earlier.
     */
    public static LocalDate madeOn(Instant approvedAt, LocalDate orderDate, ZoneId zone) {
        LocalDate approvedOn = approvedAt.atZone(zone).toLocalDate();
        return orderDate != null && orderDate.isBefore(approvedOn) ? orderDate : approvedOn;
    }
}
