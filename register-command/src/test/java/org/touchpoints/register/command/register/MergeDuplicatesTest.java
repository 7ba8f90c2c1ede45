package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Given.*;

import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * {@code aMergeOfDuplicatesLeavesFewerCopies} ({@link MergeRules}): a register holding one touchpoint twice (or more)
 * in a process — as the real 000 register's import keeps it — merges the copies by one package that removes them and
 * keeps one row with the union of their needs; {@code oneTouchpointPerProcess} lets that through, even while a copy
 * stays, and refuses every other proposal of a duplicate as ever.
 */
class MergeDuplicatesTest {
    private static final String COPY_ID = "r-phone-copy";
    private static final String THIRD_ID = "r-phone-third";
    /** The phone row again in the licensing process, written a little differently, meeting need 4. */
    private static final RowContent COPY = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("телефон", Channel.OFFLINE, "+7 (4812) 291071"),
            List.of(4),
            null,
            "Направление обращения",
            "Взаимодействие в офлайн-точке",
            LICENSING);

    private static final RowContent THIRD = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 4812 29 10 71"),
            List.of(1),
            null,
            "Получение информации",
            "Взаимодействие в офлайн-точке",
            LICENSING);
    /** The row kept: the phone with the union of the copies' needs. */
    private static final RowContent MERGED_DRAFT = new RowContent(
            SERVICES,
            LICENSING_PROCESS,
            new Touchpoint("Телефон", Channel.OFFLINE, "8 (4812) 29-10-71"),
            List.of(1, 2, 4),
            null,
            "Получение информации, Получение консультации, Направление обращения",
            "Взаимодействие в офлайн-точке",
            null);

    private static final RowContent MERGED = MERGED_DRAFT.withDivision(LICENSING);

    private FixtureConfiguration<Register> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    private static InitiateChangePackageCommand pkg(String changeId, PackageOperation... ops) {
        return new InitiateChangePackageCommand(
                REGISTER,
                changeId,
                List.of(ops),
                ChangeReason.OTHER,
                "Объединение повторов точки в процессе",
                null,
                SPECIALIST,
                INITIATED_AT);
    }

    private static ChangeInitiated initiated(String changeId, RowChange... ops) {
        return ChangeInitiated.ofPackage(
                REGISTER,
                changeId,
                List.of(ops),
                ChangeReason.OTHER,
                "Объединение повторов точки в процессе",
                LICENSING,
                SPECIALIST,
                INITIATED_AT,
                null);
    }

    private static PackageOperation keep(String rowId, RowContent draft) {
        return new PackageOperation(ChangeKind.EDIT, rowId, draft);
    }

    private static PackageOperation drop(String rowId) {
        return new PackageOperation(ChangeKind.REMOVE, rowId, null);
    }

    // ---- the merge is let through ----

    @Test
    void aMergeKeepsOneRowWithTheUnionOfTheNeedsAndRemovesTheCopy() {
        fixture.given(registerAnd(imported(COPY_ID, COPY)))
                .when(pkg("m-1", keep(PHONE_ID, MERGED_DRAFT), drop(COPY_ID)))
                .expectEvents(initiated(
                        "m-1",
                        new RowChange(ChangeKind.EDIT, PHONE_ID, PHONE, MERGED),
                        new RowChange(ChangeKind.REMOVE, COPY_ID, COPY, null)));
    }

    @Test
    void aMergeOfTwoOfThreeCopiesIsLetThroughThoughTheThirdStays() {
        fixture.given(registerAnd(imported(COPY_ID, COPY), imported(THIRD_ID, THIRD)))
                .when(pkg("m-1", keep(PHONE_ID, MERGED_DRAFT), drop(COPY_ID)))
                .expectEvents(initiated(
                        "m-1",
                        new RowChange(ChangeKind.EDIT, PHONE_ID, PHONE, MERGED),
                        new RowChange(ChangeKind.REMOVE, COPY_ID, COPY, null)));
    }

    @Test
    void theApprovedMergeLeavesOneRowInTheRegister() {
        ChangeInitiated merge = initiated(
                "m-1",
                new RowChange(ChangeKind.EDIT, PHONE_ID, PHONE, MERGED),
                new RowChange(ChangeKind.REMOVE, COPY_ID, COPY, null));
        RegisterRow[] after = {row(SITE_ID, SITE), row(PHONE_ID, MERGED), row(MAIL_ID, MAIL)};
        fixture.given(registerAnd(imported(COPY_ID, COPY), merge, divisionApproved("m-1"), deputyApproved("m-1")))
                .when(publish())
                .expectEvents(published(1, List.of("m-1"), sha256(after), null));
    }

    @Test
    void atEntryTheMergeIsStillLetThrough() {
        ChangeInitiated merge = initiated(
                "m-1",
                new RowChange(ChangeKind.EDIT, PHONE_ID, PHONE, MERGED),
                new RowChange(ChangeKind.REMOVE, COPY_ID, COPY, null));
        fixture.given(registerAnd(imported(COPY_ID, COPY), imported(THIRD_ID, THIRD), merge, divisionApproved("m-1")))
                .when(deputyApproval("m-1"))
                .expectEvents(deputyApproved("m-1"));
    }

    // ---- anything else that keeps or makes a duplicate is refused ----

    @Test
    void anEditOfOneCopyThatLeavesAsManyCopiesIsRefused() {
        fixture.given(registerAnd(imported(COPY_ID, COPY)))
                .when(pkg(
                        "m-1",
                        keep(PHONE_ID, MERGED_DRAFT),
                        keep(
                                SITE_ID,
                                new RowContent(
                                        SERVICES,
                                        LICENSING_PROCESS,
                                        new Touchpoint(
                                                "Официальный сайт ГЖИ",
                                                Channel.DIGITAL,
                                                "https://gzhi.admin-smolensk.ru"),
                                        List.of(1, 2, 3),
                                        null,
                                        null,
                                        null,
                                        null))))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectException(fieldError("operations[0].row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void aSingleEditOfACopyIsRefusedAsEver() {
        fixture.given(registerAnd(imported(COPY_ID, COPY)))
                .when(pkg("m-1", keep(PHONE_ID, MERGED_DRAFT)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectNoEvents();
    }

    @Test
    void removingACopyAndAddingItAgainIsNoMerge() {
        fixture.given(registerAnd(imported(COPY_ID, COPY)))
                .when(pkg("m-1", drop(COPY_ID), new PackageOperation(ChangeKind.ADD, null, MERGED_DRAFT)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectException(fieldError("operations[1].row.touchpoint.name"))
                .expectNoEvents();
    }

    @Test
    void editingAnotherRowIntoTheTouchpointIsNoMergeThoughCopiesGo() {
        fixture.given(registerAnd(imported(COPY_ID, COPY), imported(THIRD_ID, THIRD)))
                .when(pkg("m-1", drop(COPY_ID), drop(THIRD_ID), keep(SITE_ID, MERGED_DRAFT)))
                .expectException(RuleViolatedException.class)
                .expectExceptionMessage(rule("oneTouchpointPerProcess"))
                .expectException(fieldError("operations[2].row.touchpoint.name"))
                .expectNoEvents();
    }
}
