package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.calendar.PublicationDue;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.CountDueDateCommand;
import org.touchpoints.register.api.change.DeputyApprovalResult;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DueDateCounted;
import org.touchpoints.register.api.change.PublicationDeadlineMissed;
import org.touchpoints.register.api.change.RecordMissedDeadlineCommand;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * The publication due date is the register's fact: counted by the production calendar when the change enters the
 * register, recorded in the approval event, and the only date a missed deadline is recorded against.
 */
class PublicationDueTest {
    private static final String SYSTEM = "system";
    private static final String FEDERAL_2024 = "federal/2024@" + fingerprint(2024, null);

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static String fingerprint(int year, String region) {
        return CALENDAR.version(region, LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 2))
                .split(",")[0]
                .split("@")[1];
    }

    private static ApproveByDeputyCommand deputyApprovalAt(Instant at) {
        return new ApproveByDeputyCommand(REGISTER, "c-portal", null, null, null, null, DEPUTY, at);
    }

    private static List<Object> awaitingTheDeputy(RegisterCreated created) {
        List<Object> events = new ArrayList<>(register());
        events.set(0, created);
        events.add(addInitiated("c-portal", PORTAL));
        events.add(divisionApproved("c-portal"));
        return events;
    }

    private static RegisterCreated inRegion(String region) {
        return new RegisterCreated(REGISTER, AUTHORITY, ZONE, 10, TEMPLATE, region, ADMIN, CREATED_AT);
    }

    @Test
    void theDeputysApprovalRecordsTheDueDateItCountedAndAnswersWithIt() {
        // approved Wed 06.03.2024 in Moscow: 07, (08 a holiday) 11, 12, 13, 14, 15, 18, 19, 20, 21.03
        PublicationDue due = new PublicationDue(
                LocalDate.of(2024, 3, 6), 10, LocalDate.of(2024, 3, 21), null, null, null, FEDERAL_2024);
        fixture.given(awaitingTheDeputy(created()))
                .when(deputyApproval("c-portal"))
                .expectEvents(new DeputyApproved(
                        REGISTER, "c-portal", null, null, null, null, DEPUTY, DEPUTY_APPROVED_AT, due))
                .expectResultMessagePayload(
                        new DeputyApprovalResult("c-portal", ChangeStatus.APPROVED, DEPUTY_APPROVED_AT, null, due));
    }

    @Test
    void theApprovalOfALateEveningCountsFromTheAuthoritysLocalDay() {
        // 21:30 UTC on Thu 07.03.2024 is Fri 08.03 (a holiday) in Moscow: the count starts on Mon 11.03
        fixture.given(awaitingTheDeputy(created()))
                .when(deputyApprovalAt(Instant.parse("2024-03-07T21:30:00Z")))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        null,
                        DEPUTY,
                        Instant.parse("2024-03-07T21:30:00Z"),
                        new PublicationDue(
                                LocalDate.of(2024, 3, 8),
                                10,
                                LocalDate.of(2024, 3, 22),
                                null,
                                null,
                                null,
                                FEDERAL_2024)));
    }

    @Test
    void aDagestanRegisterCountsTheRegionsOwnDaysOff() {
        // approved Mon 08.04.2024; Uraza Bayram 10–12.04 is off in Dagestan only
        Instant at = Instant.parse("2024-04-08T07:00:00Z");
        fixture.given(awaitingTheDeputy(inRegion("RU-DA")))
                .when(deputyApprovalAt(at))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        null,
                        DEPUTY,
                        at,
                        new PublicationDue(
                                LocalDate.of(2024, 4, 8),
                                10,
                                LocalDate.of(2024, 4, 25),
                                null,
                                null,
                                null,
                                FEDERAL_2024 + ",region/RU-DA/2024@"
                                        + CALENDAR.version("RU-DA", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2))
                                                .split(",")[1]
                                                .split("@")[1])));
    }

    @Test
    void theSameDayInAFederalRegisterIsDueEarlier() {
        // 09, 10, 11, 12, 15, 16, 17, 18, 19, 22.04.2024
        Instant at = Instant.parse("2024-04-08T07:00:00Z");
        fixture.given(awaitingTheDeputy(created()))
                .when(deputyApprovalAt(at))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        null,
                        DEPUTY,
                        at,
                        new PublicationDue(
                                LocalDate.of(2024, 4, 8),
                                10,
                                LocalDate.of(2024, 4, 22),
                                null,
                                null,
                                null,
                                FEDERAL_2024)));
    }

    @Test
    void aCountReachingAYearNotLoadedIsRecordedWithItsReason() {
        // approved Mon 28.12.2026: the tenth working day is in 2027, whose calendar is not bundled
        Instant at = Instant.parse("2026-12-28T09:00:00Z");
        fixture.given(awaitingTheDeputy(created()))
                .when(deputyApprovalAt(at))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        null,
                        null,
                        null,
                        DEPUTY,
                        at,
                        new PublicationDue(
                                LocalDate.of(2026, 12, 28),
                                10,
                                null,
                                null,
                                "Срок публикации не рассчитан: "
                                        + new org.touchpoints.register.platform.calendar.CalendarYearMissingException(
                                                        2027)
                                                .getMessage(),
                                "нет календаря на 2027 год",
                                "federal/2026@" + fingerprint(2026, null))));
    }

    // ---- the deadline watcher names no date: the register's own is the rule's ----

    @Test
    void aMissedDeadlineIsRecordedAgainstTheRecordedDueDate() {
        Instant after = Instant.parse("2024-03-22T07:00:00Z"); // the day after 21.03.2024
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL), divisionApproved("c-portal"), deputyApproved("c-portal")))
                .when(new RecordMissedDeadlineCommand(REGISTER, "c-portal", SYSTEM, after))
                .expectEvents(
                        new PublicationDeadlineMissed(REGISTER, "c-portal", LocalDate.of(2024, 3, 21), SYSTEM, after))
                .expectResultMessagePayload(true);
    }

    @Test
    void aWatcherThatBelievesTheDeadlineIsOverCannotRecordItBeforeTheRecordedDueDate() {
        // a read model (or a forged request) taking 11.03 for the due date: the register knows it is 21.03
        Instant onTheDueDate = Instant.parse("2024-03-21T20:00:00Z"); // 23:00 in Moscow, still 21.03
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL), divisionApproved("c-portal"), deputyApproved("c-portal")))
                .when(new RecordMissedDeadlineCommand(REGISTER, "c-portal", SYSTEM, onTheDueDate))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("deadlineMissedOnlyByAnUnpublishedApprovedChangeAfterItsDueDate"))
                .expectNoEvents();
    }

    @Test
    void aDueDateTheCalendarCouldNotCountIsNeverMissed() {
        Instant at = Instant.parse("2026-12-28T09:00:00Z");
        List<Object> events = awaitingTheDeputy(created());
        events.add(new DeputyApproved(
                REGISTER,
                "c-portal",
                null,
                null,
                null,
                null,
                DEPUTY,
                at,
                new PublicationDue(
                        LocalDate.of(2026, 12, 28),
                        10,
                        null,
                        null,
                        "Срок публикации не рассчитан",
                        "нет календаря на 2027 год",
                        null)));
        fixture.given(events)
                .when(new RecordMissedDeadlineCommand(
                        REGISTER, "c-portal", SYSTEM, Instant.parse("2027-06-01T09:00:00Z")))
                .expectException(RuleViolatedException.class)
                .expectNoEvents();
    }

    @Test
    void anApprovalRecordedBeforeDueDatesWereRecordedKeepsTheDateCountedFromItsOwnDates() {
        // the old shape: no due date in the event; counted from 06.03.2024 by the same rule
        Instant after = Instant.parse("2024-03-22T07:00:00Z");
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL),
                        divisionApproved("c-portal"),
                        new DeputyApproved(REGISTER, "c-portal", null, null, null, null, DEPUTY, DEPUTY_APPROVED_AT)))
                .when(new RecordMissedDeadlineCommand(REGISTER, "c-portal", SYSTEM, after))
                .expectEvents(
                        new PublicationDeadlineMissed(REGISTER, "c-portal", LocalDate.of(2024, 3, 21), SYSTEM, after));
    }

    // ---- a year loaded later: the count is recorded, the approval stays as it was ----

    private static final String YEAR_2027 = """
            {"year":2027,"source":"Проект постановления на 2027 год (для проверки)",
             "nonWorkingDays":["2027-01-01","2027-01-04","2027-01-05","2027-01-06","2027-01-07","2027-01-08",
                               "2027-02-23","2027-03-08","2027-05-03","2027-05-10","2027-06-14","2027-11-04"],
             "workingWeekendDays":[]}""";

    private static List<Object> approvedWithoutADueDate() {
        Instant at = Instant.parse("2026-12-28T09:00:00Z");
        List<Object> events = awaitingTheDeputy(created());
        events.add(new DeputyApproved(
                REGISTER,
                "c-portal",
                null,
                null,
                null,
                null,
                DEPUTY,
                at,
                CALENDAR.publicationDue(LocalDate.of(2026, 12, 28), 10, null)));
        return events;
    }

    @Test
    void aYearLoadedLaterIsCountedAndRecordedAsItsOwnEvent() {
        ProductionCalendar with2027 = ProductionCalendar.bundled();
        with2027.load(YEAR_2027);
        FixtureConfiguration<Register> later =
                new org.axonframework.test.aggregate.AggregateTestFixture<>(Register.class);
        later.setReportIllegalStateChange(false);
        later.registerInjectableResource(with2027);
        Instant at = Instant.parse("2027-01-11T09:00:00Z");
        // from 28.12.2026: 29, 30, (31 off) 2027: (01, 04–08 off) 11, 12, 13, 14, 15, 18, 19, 20.01
        later.given(approvedWithoutADueDate())
                .when(new CountDueDateCommand(REGISTER, "c-portal", SYSTEM, at))
                .expectEvents(new DueDateCounted(
                        REGISTER,
                        "c-portal",
                        new PublicationDue(
                                LocalDate.of(2026, 12, 28),
                                10,
                                LocalDate.of(2027, 1, 20),
                                null,
                                null,
                                null,
                                with2027.version(null, LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 20))),
                        SYSTEM,
                        at))
                .expectResultMessagePayload(true);
    }

    @Test
    void whileTheYearIsStillMissingNothingIsRecorded() {
        fixture.given(approvedWithoutADueDate())
                .when(new CountDueDateCommand(REGISTER, "c-portal", SYSTEM, Instant.parse("2027-01-11T09:00:00Z")))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aDueDateCountedOnceIsNeverCountedAgain() {
        fixture.given(registerAnd(
                        addInitiated("c-portal", PORTAL), divisionApproved("c-portal"), deputyApproved("c-portal")))
                .when(new CountDueDateCommand(REGISTER, "c-portal", SYSTEM, Instant.parse("2024-03-12T09:00:00Z")))
                .expectNoEvents()
                .expectResultMessagePayload(false);
    }

    @Test
    void aChangeNotInTheRegisterHasNoDueDateToCount() {
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL)))
                .when(new CountDueDateCommand(REGISTER, "c-portal", SYSTEM, Instant.parse("2024-03-12T09:00:00Z")))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyAChangeInTheRegisterHasADueDate"))
                .expectNoEvents();
    }
}
