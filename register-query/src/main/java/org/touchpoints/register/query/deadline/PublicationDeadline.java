package org.touchpoints.register.query.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.DueDateCounted;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.DeadlineFrom;
import org.touchpoints.register.platform.calendar.CalendarYearMissingException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * When the publication of an approved change is due (000 §3.1, 001 §5.5, 003 §3.1, 004 §5.4): the N-th working
 * day after the day the change was made. The change is made on the local date (authority's time zone) of the
 * deputy's approval, or on the date of the approving order when one is given and is earlier.
 */
public final class PublicationDeadline {
    /** A deadline with two working days or fewer left is at risk. */
    public static final int AT_RISK_WORKING_DAYS = 2;

    private PublicationDeadline() {}

    public static LocalDate madeOn(Instant approvedAt, LocalDate orderDate, ZoneId zone) {
        return PublicationDue.madeOn(approvedAt, orderDate, zone);
    }

    /**
     * A due date counted, and what a person must know of it: {@code note} when a year of the count was taken from the
     * federal calendar alone by an administrator's "federal only" mark; {@code problem} (and no due date) when the count
     * was refused: a federal year, or the region's overlay of a year, is not loaded.
     */
    public record Counted(LocalDate dueDate, String note, String problem, String unknown) {
        /** Nothing to count (the procedure sets no deadline). */
        public static final Counted NONE = new Counted(null, null, null, null);

        /** What the register recorded in the approval event (or {@link DueDateCounted}). */
        public static Counted of(PublicationDue due) {
            return new Counted(due.dueDate(), due.note(), due.problem(), due.unknown());
        }
    }

    /** Why a due date is not known, in a few words: «нет календаря на 2027 год». */
    public static String unknownBecause(CalendarYearMissingException missing) {
        return ProductionCalendar.unknownBecause(missing);
    }

    /** The count the register makes when a change enters it ({@link ProductionCalendar#publicationDue}). */
    public static Counted count(ProductionCalendar calendar, LocalDate madeOn, int workingDays, String region) {
        return Counted.of(calendar.publicationDue(madeOn, workingDays, region));
    }

    /** When an approved change was made (the count starts the next day), and what is due. */
    public record Made(LocalDate madeOn, Counted counted) {}

    /**
     * When a change entered the register and when its publication is due, from its approval event: the due date the
     * register recorded in the event ({@code due}). An approval recorded before the register counted it (no {@code due})
     * is counted by the same rule from the event's own dates: the day of the approval (or an earlier order's date), or,
     * where an act approved it ({@code actId}), the act's date when the procedure counts from the act, else the day of
     * the last step ({@code lastStepAt}, or the approval's when none). Every reader of approvals counts by this.
     *
     * @param chain the chain the change ran under (today's for a change whose event names none)
     */
    public static Made ofApproval(
            PublicationDue due,
            ApprovalChain chain,
            Instant at,
            LocalDate orderDate,
            String actId,
            Instant lastStepAt,
            ZoneId zone,
            String region,
            ProductionCalendar calendar) {
        if (due != null) {
            return new Made(due.madeOn(), Counted.of(due));
        }
        LocalDate madeOn;
        if (actId != null) {
            madeOn = chain.deadlineFrom() == DeadlineFrom.APPROVAL_ACT
                    ? orderDate
                    : (lastStepAt != null ? lastStepAt : at).atZone(zone).toLocalDate();
        } else {
            madeOn = madeOn(at, orderDate, zone);
        }
        return new Made(
                madeOn,
                chain.deadlineWorkingDays() == null
                        ? Counted.NONE
                        : count(calendar, madeOn, chain.deadlineWorkingDays(), region));
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
