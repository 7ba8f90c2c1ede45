package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ApproveByDeputyCommand;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * Bounded values at the edge of the aggregate: a date or moment a command carries lies from 01.01.2000 to
 * 31.12.2100 and fits its meaning, or it never becomes an event (the read models could not store it).
 */
class BoundedValuesTest {
    private static final Instant DELEGATED_AT = Instant.parse("2024-03-01T08:00:00Z");

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static ApproveByDeputyCommand orderDated(LocalDate orderDate) {
        return new ApproveByDeputyCommand(
                REGISTER, "c-portal", null, "15-п", orderDate, null, DEPUTY, DEPUTY_APPROVED_AT);
    }

    private static DelegateApprovalRightCommand delegation(LocalDate from, LocalDate to) {
        return new DelegateApprovalRightCommand(
                REGISTER,
                "d-1",
                null,
                OTHER_SPECIALIST,
                MemberRole.HEAD,
                LICENSING,
                from,
                to,
                null,
                false,
                HEAD,
                DELEGATED_AT);
    }

    private static PublishCommand publishedAt(Instant publishedAt) {
        return new PublishCommand(REGISTER, null, URL, publishedAt, null, PUBLISHER, PUBLISHED_AT);
    }

    // ---- datesWithinTheSaneRange ----

    @Test
    void orderDateBeyondTheRangeIsRefused() {
        for (String date : new String[] {"+999999999-12-31", "-999999999-01-01", "2101-01-01", "1999-12-31"}) {
            fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                    .when(orderDated(LocalDate.parse(date)))
                    .expectException(fieldError("orderDate"))
                    .expectExceptionMessage(rule("datesWithinTheSaneRange"))
                    .expectNoEvents();
        }
    }

    @Test
    void delegationPeriodBeyondTheRangeIsRefused() {
        fixture.given(register())
                .when(delegation(LocalDate.parse("-999999999-01-01"), LocalDate.parse("+999999999-12-31")))
                .expectException(fieldError("validFrom"))
                .expectExceptionMessage(rule("datesWithinTheSaneRange"))
                .expectNoEvents();
        fixture.given(register())
                .when(delegation(LocalDate.parse("2100-01-01"), LocalDate.parse("2101-01-01")))
                .expectException(fieldError("validTo"))
                .expectExceptionMessage(rule("datesWithinTheSaneRange"))
                .expectNoEvents();
    }

    @Test
    void publicationMomentBeyondTheRangeIsRefused() {
        for (String at : new String[] {
            "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59Z", "1999-12-31T23:59:59Z", "2101-01-01T00:00:00Z"
        }) {
            fixture.given(register())
                    .when(publishedAt(Instant.parse(at)))
                    .expectException(fieldError("publishedAt"))
                    .expectExceptionMessage(rule("datesWithinTheSaneRange"))
                    .expectNoEvents();
        }
    }

    @Test
    void theFirstDayOfTheRangeIsAccepted() {
        Instant first = Instant.parse("2000-01-01T00:00:00Z");
        fixture.given(register())
                .when(publishedAt(first))
                .expectEvents(new Published(
                        REGISTER, 1, URL, first, List.of(), importedSha256(), null, null, PUBLISHER, PUBLISHED_AT));
    }

    // ---- orderDateNotInTheFuture, orderDateNotBeforeTheChange ----

    @Test
    void orderDatedTomorrowInTheRegistersZoneIsRefused() {
        // the approval at 07:00 UTC is on 06.03.2024 in Moscow: the order of 07.03.2024 is not yet signed
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(orderDated(LocalDate.parse("2024-03-07")))
                .expectException(fieldError("orderDate"))
                .expectExceptionMessage(rule("orderDateNotInTheFuture"))
                .expectNoEvents();
    }

    @Test
    void orderDatedBeforeTheChangeWasProposedIsRefused() {
        // initiated on 04.03.2024 in Moscow: an order of 03.03.2024 cannot have approved it
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(orderDated(LocalDate.parse("2024-03-03")))
                .expectException(fieldError("orderDate"))
                .expectExceptionMessage(rule("orderDateNotBeforeTheChange"))
                .expectNoEvents();
    }

    @Test
    void orderDatedOnTheDayOfTheProposalIsAccepted() {
        LocalDate proposedOn = LocalDate.parse("2024-03-04");
        fixture.given(registerAnd(addInitiated("c-portal", PORTAL), divisionApproved("c-portal")))
                .when(orderDated(proposedOn))
                .expectEvents(new DeputyApproved(
                        REGISTER,
                        "c-portal",
                        null,
                        "15-п",
                        proposedOn,
                        null,
                        DEPUTY,
                        DEPUTY_APPROVED_AT,
                        due(proposedOn, LocalDate.parse("2024-03-19")))); // counted from the order's day
    }

    // ---- delegationAtMostThreeYears ----

    @Test
    void delegationOfMoreThanThreeYearsIsRefused() {
        fixture.given(register())
                .when(delegation(LocalDate.parse("2024-03-04"), LocalDate.parse("2027-03-04")))
                .expectException(fieldError("validTo"))
                .expectExceptionMessage(rule("delegationAtMostThreeYears"))
                .expectNoEvents();
    }

    @Test
    void delegationOfExactlyThreeYearsIsAccepted() {
        LocalDate from = LocalDate.parse("2024-03-04");
        LocalDate to = LocalDate.parse("2027-03-03");
        fixture.given(register())
                .when(delegation(from, to))
                .expectEvents(new ApprovalRightDelegated(
                        REGISTER,
                        "d-1",
                        HEAD,
                        OTHER_SPECIALIST,
                        MemberRole.HEAD,
                        LICENSING,
                        from,
                        to,
                        null,
                        HEAD,
                        DELEGATED_AT));
    }

    // ---- every number within its meaning ----

    @Test
    void reviewOfAYearBeforeTheRangeIsRefused() {
        for (int year : new int[] {-1, 0, 1999, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
            fixture.given(register())
                    .when(new org.touchpoints.register.api.register.ConfirmAnnualReviewCommand(
                            REGISTER, LICENSING, year, null, HEAD, PUBLISHED_AT))
                    .expectException(RuleViolatedException.class)
                    .expectExceptionMessage(rule("reviewYearHasBegun"))
                    .expectNoEvents();
        }
    }
}
