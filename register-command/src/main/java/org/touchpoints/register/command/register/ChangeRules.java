package org.touchpoints.register.command.register;

import static org.touchpoints.register.command.register.Violations.conflict;
import static org.touchpoints.register.command.register.Violations.forbidden;
import static org.touchpoints.register.command.register.Violations.notFound;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.touchpoints.register.api.Ids;
import org.touchpoints.register.api.change.ApprovalActRecorded;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeRejected;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.DivisionApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.StepRules;
import org.touchpoints.register.api.procedure.Initiator;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.RuleViolatedException;

/**
 * The rules of the approval chain (000 §3, 003 §4), each a named check that refuses what it must. The
 * aggregate calls them; nothing else decides these questions.
 */
final class ChangeRules {
    private ChangeRules() {}

    /** Only a specialist of the division that owns the process initiates a change of it (000 §3.2, 003 §4.2). */
    static void onlyMembersOfTheOwningDivisionInitiate(Membership members, String actor, String division) {
        if (!StepRules.specialistOfTheDivision(members, actor, division)) {
            throw forbidden(
                    "onlyMembersOfTheOwningDivisionInitiate",
                    "Изменение может инициировать только специалист подразделения «" + division
                            + "», ответственного за процесс");
        }
    }

    static final String CHANGE_IS_DESCRIBED = "changeIsDescribed";

    /**
     * changeIsDescribed: a single-row change names its kind (ADD, EDIT or REMOVE) and its reason, then its row as the
     * kind needs it (the target of an edit or removal, the content of an addition or edit), a comment of at most 2,000
     * characters and a well-formed id ({@link #changeIdIsWellFormed}).
     */
    static void changeIsDescribed(InitiateChangeCommand cmd) {
        if (cmd.kind() == null || !cmd.kind().rowOperation()) { // a package's rows come as its operations
            throw Violations.invalid(
                    CHANGE_IS_DESCRIBED,
                    "Укажите вид изменения",
                    List.of(new FieldError("kind", "Укажите вид изменения: ADD, EDIT или REMOVE")));
        }
        if (cmd.reason() == null) {
            throw Violations.invalid(
                    CHANGE_IS_DESCRIBED,
                    "Укажите основание изменения",
                    List.of(new FieldError("reason", "Укажите основание изменения из перечня оснований")));
        }
        List<FieldError> described = new ArrayList<>();
        InputText.check(described, "comment", "Комментарий", cmd.comment(), false, 2000);
        if (cmd.kind() == ChangeKind.ADD && cmd.rowId() != null) {
            described.add(new FieldError("rowId", "При добавлении строки её идентификатор не указывается"));
        }
        if (cmd.kind() != ChangeKind.ADD && Text.isBlank(cmd.rowId())) {
            described.add(new FieldError("rowId", "Укажите изменяемую или исключаемую строку"));
        }
        if (cmd.kind() != ChangeKind.REMOVE && cmd.row() == null) {
            described.add(new FieldError("row", "Укажите содержание строки"));
        }
        described.addAll(changeIdIsWellFormed(cmd.changeId()));
        Violations.requireNoErrors(CHANGE_IS_DESCRIBED, described);
    }

    /**
     * A change's id (a single-row change's or a package's) is 1 to 64 Latin letters, digits, «-» and «_»
     * ({@link Ids#ID}); part of {@link #changeIsDescribed} and of {@link PackageRules#packageIsDescribed}.
     */
    static List<FieldError> changeIdIsWellFormed(String changeId) {
        return Ids.isId(changeId)
                ? List.of()
                : List.of(new FieldError(
                        "changeId", "Идентификатор изменения: латинские буквы, цифры, «-» и «_», до 64 символов"));
    }

    /** changeIsDescribed, where the division of a new process is neither known nor the initiator's only one. */
    static RuleViolatedException theDivisionOfANewProcessIsNamed() {
        return Violations.invalid(
                CHANGE_IS_DESCRIBED,
                "Укажите подразделение, ответственное за новый процесс",
                List.of(new FieldError("row.division", "Укажите подразделение, ответственное за новый процесс")));
    }

    static final String DIVISION_APPROVAL_IS_DESCRIBED = "divisionApprovalIsDescribed";

    /** divisionApprovalIsDescribed: the head's comment, if any, is at most 2,000 characters of text. */
    static List<FieldError> divisionApprovalIsDescribed(String comment) {
        List<FieldError> errors = new ArrayList<>();
        InputText.check(errors, "comment", "Комментарий", comment, false, 2000);
        return errors;
    }

    static final String APPROVAL_IS_DESCRIBED = "approvalIsDescribed";

    /** approvalIsDescribed: the comment of an approval step, if any, is at most 2,000 characters of text. */
    static List<FieldError> approvalIsDescribed(String comment) {
        List<FieldError> errors = new ArrayList<>();
        InputText.check(errors, "comment", "Комментарий", comment, false, 2000);
        return errors;
    }

    static final String APPROVAL_ORDER_IS_DESCRIBED = "approvalOrderIsDescribed";

    /**
     * approvalOrderIsDescribed: the final approval's comment (at most 2,000 characters) and order number (at most
     * 100) are text, and an order date comes with the order's number.
     */
    static List<FieldError> approvalOrderIsDescribed(String comment, String orderNumber, LocalDate orderDate) {
        List<FieldError> errors = new ArrayList<>();
        InputText.check(errors, "comment", "Комментарий", comment, false, 2000);
        InputText.check(errors, "orderNumber", "Номер приказа", orderNumber, false, 100);
        if (orderDate != null && Text.isBlank(orderNumber)) {
            errors.add(new FieldError("orderNumber", "Укажите номер приказа вместе с его датой"));
        }
        return errors;
    }

    static final String REJECTION_STATES_ITS_REASON = "rejectionStatesItsReason";

    /** rejectionStatesItsReason: a rejection says why, in at most 2,000 characters of text. */
    static List<FieldError> rejectionStatesItsReason(String reason) {
        List<FieldError> errors = new ArrayList<>();
        InputText.check(errors, "reason", "Причина отклонения", reason, true, 2000);
        return errors;
    }

    /** An EDIT or REMOVE targets a row that is in the register now. */
    static RowContent editOrRemoveTargetsAnExistingRow(Map<String, RowContent> rows, String rowId) {
        RowContent row = rowId == null ? null : rows.get(rowId);
        if (row == null) {
            throw notFound(
                    "editOrRemoveTargetsAnExistingRow",
                    "Строка «" + rowId + "» отсутствует в текущей редакции перечня");
        }
        return row;
    }

    /**
     * An edit changes something: a proposal equal to the row as it stands (after the same normalisation, whichever
     * division records it) is refused rather than sent through the approval chain for nothing.
     */
    static void anEditChangesTheRow(RowContent before, RowContent after) {
        if (before != null && after != null && before.withDivision(null).equals(after.withDivision(null))) {
            throw Violations.invalid(
                    "anEditChangesTheRow",
                    "Изменение ничего не меняет в строке: измените хотя бы одно поле или отмените предложение",
                    List.of(new FieldError("row", "Все поля совпадают с действующей строкой перечня")));
        }
    }

    /** A row has at most one open change at a time. */
    static void oneOpenChangePerRow(Collection<Change> changes, String rowId) {
        changes.stream()
                .filter(Change::open)
                .filter(c -> c.touches(rowId))
                .findFirst()
                .ifPresent(c -> {
                    throw conflict(
                            "oneOpenChangePerRow",
                            "По этой строке уже есть незавершённое изменение " + c.id() + " ("
                                    + c.status.title().toLowerCase() + ")");
                });
    }

    /**
     * One touchpoint appears once per process (000 §2.8, 002 §3.7, 003 §2.3, 004 §2.8): the proposed row may
     * not repeat a touchpoint already in the process (other than the row it replaces), nor one that another
     * open change proposes.
     */
    static void oneTouchpointPerProcess(
            Map<String, String> touchpointKeysByRow,
            Collection<Change> openChanges,
            RowContent proposed,
            String replacedRowId,
            String changeId) {
        String key = proposed.touchpointKey();
        touchpointKeysByRow.forEach((rowId, rowKey) -> {
            if (!rowId.equals(replacedRowId) && rowKey.equals(key)) {
                throw conflict(
                        "oneTouchpointPerProcess",
                        "Точка взаимодействия «" + proposed.touchpoint().name()
                                + "» уже указана в процессе «" + proposed.process() + "» (строка " + rowId
                                + "): одна точка указывается в процессе один раз, со всеми потребностями");
            }
        });
        for (Change other : openChanges) {
            if (!other.id().equals(changeId) && other.proposes(key)) {
                throw conflict(
                        "oneTouchpointPerProcess",
                        "Точка взаимодействия «" + proposed.touchpoint().name() + "» в процессе «" + proposed.process()
                                + "» уже предложена изменением " + other.id());
            }
        }
    }

    /**
     * Only the head of the division that initiated the change gives the first approval (003 §4.3), in person or
     * through the acting official the head named for that day. Returns whose right the actor exercises: null when
     * their own, else the head's they act for.
     */
    static String onlyTheInitiatingDivisionsHeadApproves(
            Membership members, Delegations delegations, String actor, Change change, LocalDate today) {
        String division = change.initiated.division();
        return StepRules.holdsTheStep(members, delegations.all(), actor, ProcedureStep.DIVISION_HEAD, division, today)
                .orElseThrow(() -> forbidden(
                        "onlyTheInitiatingDivisionsHeadApproves",
                        "Согласовать изменение может " + "только руководитель подразделения «" + division
                                + "» или исполняющий его обязанности"))
                .onBehalfOf();
    }

    /**
     * Only the register's deputy head responsible for client-centricity gives the final approval, in person or
     * through the acting official the deputy named for that day. Returns whose right the actor exercises: null
     * when their own, else the deputy's they act for.
     */
    static String onlyTheDeputyGivesFinalApproval(
            Membership members, Delegations delegations, String actor, LocalDate today) {
        return holderOrActingOfficial(
                members,
                delegations,
                actor,
                ProcedureStep.DEPUTY,
                today,
                "onlyTheDeputyGivesFinalApproval",
                "Утвердить изменение может только заместитель "
                        + "руководителя, ответственный за клиентоцентричность, или исполняющий его обязанности");
    }

    /**
     * The actor holds the register-wide {@code step} (null: their own right) or acts, today, for its holder (that
     * holder's name); otherwise the named {@code rule} refuses with {@code message}.
     */
    private static String holderOrActingOfficial(
            Membership members,
            Delegations delegations,
            String actor,
            ProcedureStep step,
            LocalDate today,
            String rule,
            String message) {
        return StepRules.holdsTheStep(members, delegations.all(), actor, step, null, today)
                .orElseThrow(() -> forbidden(rule, message))
                .onBehalfOf();
    }

    /** The deputy approves only after the head of the division. */
    static void finalApprovalOnlyAfterDivisionApproval(Change change) {
        if (change.pendingStep() == ProcedureStep.DIVISION_HEAD) {
            throw conflict(
                    "finalApprovalOnlyAfterDivisionApproval",
                    "Изменение ещё не согласовано руководителем подразделения");
        }
    }

    /** The head approves only a change waiting for the head. */
    static void divisionApprovalOnlyOfAnInitiatedChange(Change change) {
        if (change.status == ChangeStatus.DIVISION_APPROVED && change.pendingStep() != ProcedureStep.DIVISION_HEAD) {
            throw conflict(
                    "divisionApprovalOnlyOfAnInitiatedChange",
                    "Изменение уже согласовано руководителем подразделения и ожидает утверждения");
        }
    }

    /** Nobody approves (or rejects) a change they initiated: not in person, not as anyone's acting official. */
    static void nobodyApprovesTheirOwnChange(String actor, Change change) {
        if (StepRules.initiatedIt(actor, change.initiated.by())) {
            throw forbidden("nobodyApprovesTheirOwnChange", "Нельзя согласовывать изменение, которое вы инициировали");
        }
    }

    /**
     * Four eyes: one person gives at most one approval step of a change, in person or as an acting official. Whoever
     * gave a step, and whoever it was given on behalf of, gives no further step and has none given on their behalf
     * (the deputy who named the division head as acting deputy does not get the head's second approval).
     */
    static void onePersonOneApprovalStep(Change change, String actor, String onBehalfOf) {
        for (String person : new String[] {actor, onBehalfOf}) {
            if (StepRules.gaveAStepAlready(change.approvers, person)) {
                throw forbidden(
                        "onePersonOneApprovalStep",
                        "Один человек согласует изменение только на одном шаге: "
                                + (person.equals(actor) ? "вы уже" : "«" + person + "» уже") + " согласовали изменение "
                                + change.id()
                                + " (лично или как исполняющий обязанности)");
            }
        }
    }

    /** Nobody approves (or rejects) a change on behalf of its initiator: the initiator's right is not theirs to lend. */
    static void nobodyApprovesOnBehalfOfTheInitiator(String onBehalfOf, Change change) {
        if (StepRules.onBehalfOfTheInitiator(new StepRules.Right(onBehalfOf), change.initiated.by())) {
            throw forbidden(
                    "nobodyApprovesOnBehalfOfTheInitiator",
                    "Нельзя согласовывать изменение от имени его "
                            + "инициатора: исполняющий обязанности не решает за руководителя, предложившего изменение");
        }
    }

    /** The approving order is not dated in the future: not after today in the register's time zone. */
    static void orderDateNotInTheFuture(LocalDate orderDate, LocalDate today) {
        if (orderDate != null && orderDate.isAfter(today)) {
            throw Violations.invalid(
                    "orderDateNotInTheFuture",
                    "Дата приказа не может быть позже сегодняшней",
                    List.of(new FieldError("orderDate", "Дата приказа не может быть позже сегодняшней")));
        }
    }

    /** The approving order is not dated before the change was initiated (in the register's time zone). */
    static void orderDateNotBeforeTheChange(LocalDate orderDate, LocalDate initiatedOn) {
        if (orderDate != null && orderDate.isBefore(initiatedOn)) {
            String message = "Дата приказа не может быть раньше дня, когда изменение было предложено ("
                    + initiatedOn.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")) + ")";
            throw Violations.invalid(
                    "orderDateNotBeforeTheChange", message, List.of(new FieldError("orderDate", message)));
        }
    }

    /** A closed change (approved, published, rejected, withdrawn) accepts nothing more. */
    static void closedChangeAcceptsNothingMore(Change change) {
        if (change.status.closed()) {
            throw conflict(
                    "closedChangeAcceptsNothingMore",
                    "Изменение " + change.id() + " уже завершено: "
                            + change.status.title().toLowerCase());
        }
    }

    /** Only the initiator withdraws, and only before the final approval. */
    static void onlyTheInitiatorWithdraws(String actor, Change change) {
        if (!StepRules.withdraws(actor, change.initiated.by())) {
            throw forbidden("onlyTheInitiatorWithdraws", "Отозвать изменение может только его инициатор");
        }
    }

    /** The change exists in this register. */
    static Change changeExists(Map<String, Change> changes, String changeId) {
        Change change = changes.get(changeId);
        if (change == null) {
            throw notFound("changeExists", "Изменение «" + changeId + "» не найдено");
        }
        return change;
    }

    /**
     * A missed publication deadline is recorded only for a change that is approved and not yet published, once
     * its due date is over in the authority's time zone.
     */
    static void deadlineMissedOnlyByAnUnpublishedApprovedChangeAfterItsDueDate(
            Change change, LocalDate dueDate, LocalDate today) {
        if (change.status != ChangeStatus.APPROVED || dueDate == null || !today.isAfter(dueDate)) {
            throw conflict(
                    "deadlineMissedOnlyByAnUnpublishedApprovedChangeAfterItsDueDate",
                    "Срок публикации изменения " + change.id() + " не истёк или изменение уже опубликовано");
        }
    }

    /** Only a change in the register (approved, published or not) has a publication due date to count. */
    static void onlyAChangeInTheRegisterHasADueDate(Change change) {
        if (!change.inRegister()) {
            throw conflict(
                    "onlyAChangeInTheRegisterHasADueDate",
                    "Изменение " + change.id() + " не утверждено: срок публикации не исчисляется");
        }
    }

    /**
     * A due date is counted again only while it is not known: the procedure sets a deadline and the count recorded at
     * the approval (or since) was refused for a missing calendar year. A count once recorded is never replaced.
     */
    static boolean dueDateAwaitsCounting(Change change, org.touchpoints.register.api.calendar.PublicationDue recorded) {
        return recorded != null && recorded.refused();
    }

    /**
     * A write based on an older version of the change than the current one is refused: somebody acted on the change
     * after the actor looked at it. The version is the number of the change's events; null means "not checked".
     */
    static void expectedChangeVersionIsCurrent(Change change, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != change.version) {
            throw conflict(
                    "expectedChangeVersionIsCurrent",
                    "Изменение " + change.id()
                            + " изменилось после того, как вы его открыли (ваша версия " + expectedVersion
                            + ", текущая "
                            + change.version + "): обновите данные и повторите действие");
        }
    }

    // ---- a client's retry of a step already recorded gets the first answer, and nothing new is recorded ----

    /** The same head (or acting official) repeating the same first approval. */
    static boolean repeatsTheDivisionApproval(Change change, String actor, String comment) {
        DivisionApproved done = change.divisionApproved;
        return done != null && done.by().equals(actor) && Objects.equals(done.comment(), comment);
    }

    /** The same deputy (or acting official) repeating the same final approval. */
    static boolean repeatsTheFinalApproval(
            Change change, String actor, String comment, String orderNumber, LocalDate orderDate) {
        DeputyApproved done = change.deputyApproved;
        return done != null
                && done.by().equals(actor)
                && Objects.equals(done.comment(), comment)
                && Objects.equals(done.orderNumber(), orderNumber)
                && Objects.equals(done.orderDate(), orderDate);
    }

    /** The same approver repeating the same rejection. */
    static boolean repeatsTheRejection(Change change, String actor, String reason) {
        ChangeRejected done = change.rejected;
        return done != null
                && done.by().equals(actor)
                && reason != null
                && done.reason().equals(reason.strip());
    }

    /** The initiator repeating the withdrawal. */
    static boolean repeatsTheWithdrawal(Change change, String actor) {
        return change.withdrawn != null && change.withdrawn.by().equals(actor);
    }

    /** A change id names one change of one register: an id another register's change has is taken. */
    static void changeIdNotTakenByAnotherRegister(boolean takenElsewhere, String changeId) {
        if (takenElsewhere) {
            throw conflict(
                    "sameChangeIdSameProposal",
                    "Идентификатор изменения «" + changeId + "» уже использован в другом перечне");
        }
    }

    /**
     * The first half of {@link #onlyMembersOfTheOwningDivisionInitiate(Membership, String, String)}, checked before
     * anything about the register's rows and changes is looked at (permission before state): whoever initiates a
     * change is a specialist of one of the register's divisions.
     */
    static void onlyMembersOfTheOwningDivisionInitiate(Membership members, String actor) {
        if (members.divisionsWhere(actor, MemberRole.SPECIALIST).isEmpty()) {
            throw forbidden(
                    "onlyMembersOfTheOwningDivisionInitiate",
                    "Изменения инициируют специалисты подразделений; вы не состоите ни в одном подразделении этого перечня");
        }
    }

    /** A repeated changeId must repeat the same proposal; otherwise the id is taken. */
    static void sameChangeIdSameProposal(boolean same, String changeId) {
        if (!same) {
            throw conflict(
                    "sameChangeIdSameProposal",
                    "Идентификатор изменения «" + changeId + "» уже использован для другого предложения");
        }
    }

    // ---- the register's own procedure: initiators, its chain of steps, approving acts ----

    static final String APPROVAL_ACT_IS_DESCRIBED = "approvalActIsDescribed";
    private static final Pattern ACT_ID = Pattern.compile(Ids.ID);
    /** The most changes one act approves. */
    static final int ACT_CHANGES = 500;

    /** Whether the actor proposes as the register's responsible person, which the procedure lets initiate. */
    static boolean initiatesAsResponsiblePerson(Procedure procedure, Membership members, String actor) {
        return StepRules.initiatesAsResponsiblePerson(procedure, members, actor);
    }

    /** Only the initiators the procedure names propose changes (002 §3.2–3.3: the authorised person alone). */
    static void onlyTheProcedureInitiatorsInitiate(Procedure procedure, String actor) {
        if (!procedure.initiators().contains(Initiator.DIVISION)) {
            throw forbidden(
                    "onlyTheProcedureInitiatorsInitiate",
                    "По порядку ведения этого перечня изменения вносит "
                            + "ответственное (уполномоченное) лицо; подразделения представляют ему сведения");
        }
    }

    /**
     * A step is approved only when it is the one the change awaits, in the order of its chain: not before the steps
     * ahead of it, not twice, not when the chain has no such step.
     */
    static void theStepIsPending(Change change, ProcedureStep step) {
        ProcedureStep pending = change.pendingStep();
        if (pending == step) {
            return;
        }
        if (change.awaitsAct()) {
            throw conflict(
                    "approvalActIsItsOwnStep",
                    "Изменение " + change.id() + " прошло согласование и ожидает утверждения приказом: внесите приказ");
        }
        if (!change.chain.steps().contains(step)) {
            throw conflict(
                    "theStepIsPending",
                    "В порядке согласования изменения " + change.id() + " нет шага «" + step.title() + "»");
        }
        throw conflict(
                "theStepIsPending",
                "Изменение " + change.id() + " сейчас ожидает шага «" + (pending == null ? "—" : pending.title())
                        + "», а не «" + step.title() + "»");
    }

    /** The step the change awaits; an approving act is not an approval step: it is recorded as an act. */
    static ProcedureStep approvalActIsItsOwnStep(Change change) {
        ProcedureStep pending = change.pendingStep();
        if (pending == null) {
            throw conflict(
                    "approvalActIsItsOwnStep",
                    "Изменение " + change.id()
                            + " прошло согласование и ожидает утверждения приказом: внесите приказ (POST /registers/{id}/approval-acts)");
        }
        return pending;
    }

    /**
     * Only the holder of the step (or the acting official they named for that day) approves it. Returns whose right
     * the actor exercises: null when their own.
     */
    static String onlyTheHolderOfTheStepApproves(
            Membership members,
            Delegations delegations,
            String actor,
            Change change,
            ProcedureStep step,
            LocalDate today) {
        return switch (step) {
            case DIVISION_HEAD -> onlyTheInitiatingDivisionsHeadApproves(members, delegations, actor, change, today);
            case DEPUTY -> onlyTheDeputyGivesFinalApproval(members, delegations, actor, today);
            case RESPONSIBLE -> onlyAResponsiblePersonApproves(members, delegations, actor, today);
            case HEAD_OF_AUTHORITY -> onlyTheHeadOfTheAuthorityApproves(members, delegations, actor, today);
        };
    }

    /** The responsible (authorised) person's step (004 §2.2.2): a RESPONSIBLE of the register, or their acting official. */
    static String onlyAResponsiblePersonApproves(
            Membership members, Delegations delegations, String actor, LocalDate today) {
        return holderOrActingOfficial(
                members,
                delegations,
                actor,
                ProcedureStep.RESPONSIBLE,
                today,
                "onlyAResponsiblePersonApproves",
                "Этот шаг согласования выполняет ответственное "
                        + "(уполномоченное) лицо перечня или исполняющий его обязанности");
    }

    /** The head of the authority's step (001 §5.1, 002 §5.1): the minister or head, or their acting official. */
    static String onlyTheHeadOfTheAuthorityApproves(
            Membership members, Delegations delegations, String actor, LocalDate today) {
        return holderOrActingOfficial(
                members,
                delegations,
                actor,
                ProcedureStep.HEAD_OF_AUTHORITY,
                today,
                "onlyTheHeadOfTheAuthorityApproves",
                "Утвердить изменение может только руководитель органа " + "власти или исполняющий его обязанности");
    }

    /** The same person repeating the same approval of a step already recorded. */
    static boolean repeatsTheStepApproval(Change change, String actor, String comment) {
        return change.approvals.stream().anyMatch(a -> a.by().equals(actor) && Objects.equals(a.comment(), comment));
    }

    /** An approving act is recorded by a DEPUTY, RESPONSIBLE or HEAD_OF_AUTHORITY of the register. */
    static void onlyActHoldersRecordActs(Membership members, String actor) {
        if (!StepRules.recordsActs(members, actor)) {
            throw forbidden(
                    "onlyActHoldersRecordActs",
                    "Приказ об утверждении изменений вносит заместитель "
                            + "руководителя, ответственное лицо или руководитель органа власти");
        }
    }

    /** approvalActIsDescribed: an id, a number, a date and 1 to 500 distinct changes. */
    static List<FieldError> approvalActIsDescribed(
            String actId, String number, LocalDate date, List<String> changeIds) {
        List<FieldError> errors = new ArrayList<>();
        if (actId == null || !ACT_ID.matcher(actId).matches()) {
            errors.add(new FieldError(
                    "actId", "Идентификатор приказа: латинские буквы, цифры, «-» и «_», до 64 символов"));
        }
        InputText.check(errors, "number", "Номер приказа", number, true, 100);
        if (date == null) {
            errors.add(new FieldError("date", "Укажите дату приказа"));
        }
        if (changeIds == null || changeIds.isEmpty() || changeIds.size() > ACT_CHANGES) {
            errors.add(new FieldError("changeIds", "Укажите от 1 до " + ACT_CHANGES + " утверждаемых изменений"));
        } else if (changeIds.stream().anyMatch(Text::isBlank)) {
            errors.add(new FieldError("changeIds", "Идентификатор изменения не может быть пустым"));
        } else if (new LinkedHashSet<>(changeIds).size() != changeIds.size()) {
            errors.add(new FieldError("changeIds", "Изменения в приказе не должны повторяться"));
        }
        return errors;
    }

    /** A repeated actId must repeat the same act; otherwise the id is taken. */
    static void sameActIdSameAct(
            ApprovalActRecorded recorded, String number, LocalDate date, List<String> changeIds, String actor) {
        if (!recorded.number().equals(number)
                || !recorded.date().equals(date)
                || !recorded.changeIds().equals(changeIds)
                || !recorded.by().equals(actor)) {
            throw conflict(
                    "sameActIdSameAct",
                    "Идентификатор приказа «" + recorded.actId() + "» уже использован для другого приказа");
        }
    }

    /** An act is not dated after today in the register's time zone. */
    static void actIsNotDatedInTheFuture(LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw Violations.invalid(
                    "actIsNotDatedInTheFuture",
                    "Дата приказа не может быть позже сегодняшней",
                    List.of(new FieldError("date", "Дата приказа " + date + " ещё не наступила")));
        }
    }

    /** An act approves only changes that passed every step and await an act. */
    static void actCoversOnlyChangesAwaitingIt(Change change) {
        if (!change.awaitsAct()) {
            throw conflict(
                    "actCoversOnlyChangesAwaitingIt",
                    "Изменение " + change.id() + " не ожидает утверждения приказом ("
                            + change.status.title().toLowerCase() + ")");
        }
    }

    /** An act is not dated before the last approval of a change it covers (in the register's time zone). */
    static void actNotBeforeTheLastApproval(Change change, LocalDate date, LocalDate lastApprovalOn) {
        if (date.isBefore(lastApprovalOn)) {
            throw conflict(
                    "actNotBeforeTheLastApproval",
                    "Приказ от " + date + " датирован раньше последнего " + "согласования изменения " + change.id()
                            + " (" + lastApprovalOn + ")");
        }
    }

    /** At the moment a change enters the register, its touchpoint is still not in the process (see above). */
    static void oneTouchpointPerProcessOnEntry(Map<String, String> touchpointKeysByRow, Change change) {
        if (change.initiated.severalRows()) {
            PackageRules.oneTouchpointPerProcess(touchpointKeysByRow, List.of(), change.operations, change.id());
        } else if (change.proposed() != null) {
            oneTouchpointPerProcess(
                    touchpointKeysByRow,
                    List.of(),
                    change.proposed(),
                    change.kind() == org.touchpoints.register.api.change.ChangeKind.ADD ? null : change.rowId(),
                    change.id());
        }
    }
}
