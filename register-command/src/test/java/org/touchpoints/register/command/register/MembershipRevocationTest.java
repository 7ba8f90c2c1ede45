package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.register.AssignMemberCommand;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRevoked;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RevokeMemberCommand;
import org.touchpoints.register.api.rule.RuleViolatedException;

/** Taking a role away: recorded as {@code MemberRevoked}, and from then on the role is gone for every rule. */
class MembershipRevocationTest {
    static final Instant REVOKED_AT = Instant.parse("2024-03-04T08:00:00Z");
    static final String ACTING = "zoya";

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static RevokeMemberCommand revoke(String username, MemberRole role, String divisionId) {
        return new RevokeMemberCommand(REGISTER, username, role, divisionId, ADMIN, REVOKED_AT);
    }

    private static MemberRevoked revoked(String username, MemberRole role, String divisionId) {
        return new MemberRevoked(REGISTER, username, role, divisionId, ADMIN, REVOKED_AT);
    }

    @Test
    void adminRevokesAHeldDivisionRole() {
        fixture.given(register())
                .when(revoke(HEAD, MemberRole.HEAD, LICENSING))
                .expectEvents(revoked(HEAD, MemberRole.HEAD, LICENSING));
    }

    @Test
    void aRegisterWideRoleIsRevokedWithoutADivision() {
        fixture.given(register())
                .when(revoke(DEPUTY, MemberRole.DEPUTY, "ignored"))
                .expectEvents(revoked(DEPUTY, MemberRole.DEPUTY, null));
    }

    @Test
    void aRoleNotHeldCannotBeRevoked() {
        fixture.given(register())
                .when(revoke(SPECIALIST, MemberRole.HEAD, LICENSING))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyAHeldRoleIsRevoked"));
    }

    @Test
    void aDivisionRoleIsRevokedOnlyInTheDivisionWhereItIsHeld() {
        fixture.given(register())
                .when(revoke(HEAD, MemberRole.HEAD, APPEALS))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyAHeldRoleIsRevoked"));
    }

    @Test
    void aRevocationIsNotRepeated() {
        fixture.given(registerAnd(revoked(HEAD, MemberRole.HEAD, LICENSING)))
                .when(revoke(HEAD, MemberRole.HEAD, LICENSING))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyAHeldRoleIsRevoked"));
    }

    @Test
    void aRevokedHeadCannotApprove() {
        fixture.given(registerAnd(addInitiated("c-1", PORTAL), revoked(HEAD, MemberRole.HEAD, LICENSING)))
                .when(divisionApproval("c-1"))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"));
    }

    @Test
    void aRevokedDeputyCannotGiveTheFinalApproval() {
        fixture.given(registerAnd(
                        addInitiated("c-1", PORTAL), divisionApproved("c-1"), revoked(DEPUTY, MemberRole.DEPUTY, null)))
                .when(deputyApproval("c-1"))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheDeputyGivesFinalApproval"));
    }

    @Test
    void aRevokedSpecialistCannotInitiate() {
        fixture.given(registerAnd(revoked(SPECIALIST, MemberRole.SPECIALIST, LICENSING)))
                .when(add("c-1", PORTAL_DRAFT))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyMembersOfTheOwningDivisionInitiate"));
    }

    @Test
    void aRevokedPublisherCannotPublish() {
        fixture.given(registerAnd(revoked(PUBLISHER, MemberRole.PUBLISHER, null)))
                .when(publish())
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyPublishersPublish"));
    }

    @Test
    void theActingOfficialOfARevokedHeadNoLongerApproves() {
        fixture.given(registerAnd(
                        new ApprovalRightDelegated(
                                REGISTER,
                                "d-1",
                                HEAD,
                                ACTING,
                                MemberRole.HEAD,
                                LICENSING,
                                LocalDate.parse("2024-03-01"),
                                LocalDate.parse("2024-03-31"),
                                null,
                                HEAD,
                                CREATED_AT),
                        addInitiated("c-1", PORTAL),
                        revoked(HEAD, MemberRole.HEAD, LICENSING)))
                .when(new org.touchpoints.register.api.change.ApproveByDivisionCommand(
                        REGISTER, "c-1", null, null, ACTING, DIVISION_APPROVED_AT))
                .expectNoEvents()
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("onlyTheInitiatingDivisionsHeadApproves"));
    }

    @Test
    void aRevokedRoleCanBeGivenAgain() {
        fixture.given(registerAnd(revoked(HEAD, MemberRole.HEAD, LICENSING)))
                .when(new AssignMemberCommand(REGISTER, HEAD, MemberRole.HEAD, LICENSING, ADMIN, REVOKED_AT))
                .expectEvents(new MemberAssigned(REGISTER, HEAD, MemberRole.HEAD, LICENSING, ADMIN, REVOKED_AT));
    }
}
