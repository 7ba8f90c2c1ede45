package org.touchpoints.register.command.register;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.touchpoints.register.api.change.ApprovalActRecorded;
import org.touchpoints.register.api.change.ApprovalActResult;
import org.touchpoints.register.api.change.ChangeApproved;
import org.touchpoints.register.api.change.ChangeCommand;
import org.touchpoints.register.api.change.ChangeInitiated;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.ChangeStatus;
import org.touchpoints.register.api.change.DeputyApproved;
import org.touchpoints.register.api.change.InitiateChangeCommand;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RecordApprovalActCommand;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.delegation.ApprovalRightDelegated;
import org.touchpoints.register.api.delegation.DelegateApprovalRightCommand;
import org.touchpoints.register.api.delegation.DelegationRevoked;
import org.touchpoints.register.api.delegation.RevokeDelegationCommand;
import org.touchpoints.register.api.procedure.ApprovalChain;
import org.touchpoints.register.api.procedure.ChangeProcedureCommand;
import org.touchpoints.register.api.procedure.Procedure;
import org.touchpoints.register.api.procedure.ProcedureChanged;
import org.touchpoints.register.api.procedure.ProcedureStep;
import org.touchpoints.register.api.publication.PublicationResult;
import org.touchpoints.register.api.publication.PublishCommand;
import org.touchpoints.register.api.publication.Published;
import org.touchpoints.register.api.register.AnnualReviewConfirmed;
import org.touchpoints.register.api.register.AssignMemberCommand;
import org.touchpoints.register.api.register.ConfirmAnnualReviewCommand;
import org.touchpoints.register.api.register.CreateRegisterCommand;
import org.touchpoints.register.api.register.DefineDivisionCommand;
import org.touchpoints.register.api.register.DivisionDefined;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.register.MemberAssigned;
import org.touchpoints.register.api.register.MemberRevoked;
import org.touchpoints.register.api.register.MemberRole;
import org.touchpoints.register.api.register.RegisterCreated;
import org.touchpoints.register.api.register.RevokeMemberCommand;
import org.touchpoints.register.api.register.RowImported;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.platform.calendar.ProductionCalendar;

/**
 * The register of one authority: its rows, divisions, members and every change in flight. It is the
 * consistency boundary of all the procedures' rules, so they hold under concurrent requests.
 * Command handlers decide (through the named rules); event-sourcing handlers only assign.
 * Each change is an entity of the register ({@link Change}) that decides its own steps; the register keeps what is
 * register-wide: initiation, approving acts, publication, the rows a change brings in.
 */
@Aggregate(cache = "registerCache", commandTargetResolver = "registerTargetResolver")
public class Register {

    @AggregateIdentifier
    private String registerId;

    private Template template;
    private ZoneId zone;
    /** The authority's region (ISO 3166-2), whose calendar overlay its deadlines count by; null: federal only. */
    private String region;
    /** The procedure the register runs now (today's when it was created without one). */
    private Procedure procedure;
    /** Whether the register has a procedure of its own (created with one, or changed since): then its lists bind. */
    private boolean ownProcedure;

    private final Map<String, ApprovalActRecorded> acts = new HashMap<>();
    private final Divisions divisions = new Divisions();
    private final Membership members = new Membership();
    private final Delegations delegations = new Delegations();
    /** Rows in the order they entered the register (an edit keeps its place). */
    private final Map<String, RowContent> rows = new LinkedHashMap<>();
    /** The № the authority's file gave each group (see {@link RegisterLayout#numbered}); empty when it gave none. */
    private final Map<String, Integer> groupNumbers = new HashMap<>();
    /** The touchpoint key of every row (see {@link RowContent#touchpointKey}), kept with the rows. */
    private final Map<String, String> touchpointKeys = new LinkedHashMap<>();
    /**
     * The rows of each process ({@link Identity#name} of the process), in the register's order, kept with the rows:
     * directionFollowsTheProcess asks only the rows of the proposed row's process (it asked every row of the register
     * on every initiation: JFR at K = 8, ~9 % of the request threads' samples in registers of a few hundred rows).
     */
    private final Map<String, Map<String, RowContent>> rowsByProcess = new HashMap<>();
    /**
     * The directions of each process ({@link Identity#name} of the process), as {@link Text#key} with how many of its
     * rows stand in each, kept with the rows: a proposed row whose direction is already one of its process's (the
     * usual row) needs no walk over the process's rows; only a new direction asks directionFollowsTheProcess over
     * them (in the benchmark's registers every row is in one process: the walk was ~5 % of the request threads'
     * samples at a few hundred rows, and grew with each row).
     */
    private final Map<String, Map<String, Integer>> directionKeysByProcess = new HashMap<>();
    /** The rows of each touchpoint key, kept with the rows: oneTouchpointPerProcess asks only the rows of the key. */
    private final Map<String, Set<String>> rowsByTouchpointKey = new HashMap<>();
    /**
     * Every change of the register, by id: the entities the commands naming a change are routed to, and the events
     * naming a change forwarded to (that change only, see {@link ForwardToTheNamedChange}).
     */
    @AggregateMember(eventForwardingMode = ForwardToTheNamedChange.class)
    private final Map<String, Change> changes = new LinkedHashMap<>();

    private final List<String> approvedUnpublished = new ArrayList<>();
    private final Set<String> reviews = new HashSet<>();
    /** Publications recorded with a client's idempotency key, by that key. */
    private final Map<String, Published> publicationsById = new HashMap<>();

    private Instant lastApprovalAt;
    private int publishedVersion;
    private String publishedSha256;

    protected Register() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateRegisterCommand cmd) {
        RegisterRules.registerIdIsUnique(registerId == null, cmd.registerId());
        List<FieldError> errors = new ArrayList<>(RegisterRules.registerSettingsAreValid(
                cmd.registerId(),
                cmd.authority(),
                cmd.timeZone(),
                cmd.procedure() == null ? cmd.publicationDeadlineWorkingDays() : null,
                cmd.template(),
                cmd.region()));
        if (cmd.procedure() != null) {
            errors.addAll(ProcedureRules.procedureIsValid(cmd.procedure(), cmd.template(), "procedure"));
        }
        Violations.requireNoErrors("registerSettingsAreValid", errors);
        Integer deadline =
                cmd.procedure() != null ? cmd.procedure().deadlineWorkingDays() : cmd.publicationDeadlineWorkingDays();
        apply(new RegisterCreated(
                cmd.registerId(),
                Text.clean(cmd.authority()),
                cmd.timeZone(),
                deadline,
                cmd.template(),
                cmd.region(),
                cmd.by(),
                cmd.at(),
                ProcedureRules.cleaned(cmd.procedure())));
    }

    @CommandHandler
    public void handle(ChangeProcedureCommand cmd) {
        Violations.requireNoErrors(
                ProcedureRules.PROCEDURE_IS_VALID,
                ProcedureRules.procedureIsValid(cmd.procedure(), template, "procedure"));
        Procedure changed = ProcedureRules.cleaned(cmd.procedure());
        if (ownProcedure && changed.equals(procedure)) {
            return; // the same procedure: nothing new to record
        }
        apply(new ProcedureChanged(registerId, changed, cmd.by(), cmd.at()));
    }

    @CommandHandler
    public void handle(DefineDivisionCommand cmd) {
        List<String> processes = cmd.processes() == null ? List.of() : cmd.processes();
        Violations.requireNoErrors(
                "divisionIsValid", RegisterRules.divisionIsValid(cmd.divisionId(), cmd.name(), processes));
        List<String> cleaned = processes.stream().map(Text::clean).toList();
        RegisterRules.oneOwnerPerProcessUnlessTheProcedureSharesThem(
                divisions, procedure.processesMayBeShared(), cmd.divisionId(), cleaned);
        apply(new DivisionDefined(registerId, cmd.divisionId(), Text.clean(cmd.name()), cleaned, cmd.by(), cmd.at()));
    }

    /** Returns whether the role was given now (false: the account held it already, nothing recorded). */
    @CommandHandler
    public boolean handle(AssignMemberCommand cmd) {
        RegisterRules.divisionRoleNamesAKnownDivision(divisions, cmd.role(), cmd.divisionId());
        if (members.holds(cmd.username(), cmd.role(), cmd.divisionId())) {
            return false; // already holds it: nothing new to record
        }
        apply(new MemberAssigned(
                registerId,
                cmd.username(),
                cmd.role(),
                cmd.role().divisional() ? cmd.divisionId() : null,
                cmd.by(),
                cmd.at()));
        return true;
    }

    /** From the event on the role is gone for every rule (approvals, delegations it grants, publication…). */
    @CommandHandler
    public void handle(RevokeMemberCommand cmd) {
        RegisterRules.onlyAHeldRoleIsRevoked(members, cmd.username(), cmd.role(), cmd.divisionId());
        apply(new MemberRevoked(
                registerId,
                cmd.username(),
                cmd.role(),
                cmd.role().divisional() ? cmd.divisionId() : null,
                cmd.by(),
                cmd.at()));
    }

    @CommandHandler
    public int handle(ImportRowsCommand cmd) {
        RegisterRules.importOnlyIntoAnEmptyRegister(rows.isEmpty() && changes.isEmpty());
        RegisterRules.importOnlyBeforeTheFirstPublication(publishedVersion);
        List<FieldError> invisible = new ArrayList<>();
        for (int i = 0; i < cmd.rows().size(); i++) {
            invisible.addAll(
                    RowRules.textHasNoInvisibleCharacters(cmd.rows().get(i).content(), "rows[" + i + "]"));
        }
        Violations.requireNoErrors(RowRules.TEXT_HAS_NO_INVISIBLE_CHARACTERS, invisible);
        List<FieldError> errors = new ArrayList<>();
        List<RegisterRow> recorded = new ArrayList<>();
        for (int i = 0; i < cmd.rows().size(); i++) {
            RegisterRow row = cmd.rows().get(i);
            errors.addAll(RowRules.rowIsComplete(row.content(), "rows[" + i + "]", template));
            if (errors.isEmpty()) {
                String division = row.content().division() != null
                        ? row.content().division()
                        : divisions.ownerOf(row.content().process()).orElse(null);
                recorded.add(new RegisterRow(
                        row.rowId(), RowRules.normalise(row.content(), division, template), row.groupNo()));
            }
        }
        Violations.requireNoErrors(RowRules.ROW_IS_COMPLETE, errors);
        for (RegisterRow row : RegisterLayout.numbersTheFileGave(template, recorded)) {
            apply(new RowImported(
                    registerId, row.rowId(), row.content(), cmd.source(), cmd.by(), cmd.at(), row.groupNo()));
        }
        return recorded.size();
    }

    @CommandHandler
    public ChangeStatus handle(InitiateChangeCommand cmd, ProductionCalendar calendar) {
        ChangeRules.changeIsDescribed(cmd);
        String comment = Text.isBlank(cmd.comment()) ? null : cmd.comment().strip();
        String rowId = cmd.kind() == ChangeKind.ADD ? cmd.changeId() : cmd.rowId();
        if (!ChangeRules.initiatesAsResponsiblePerson(procedure, members, cmd.by())) {
            ChangeRules.onlyMembersOfTheOwningDivisionInitiate(members, cmd.by());
        }
        ChangeRules.changeIdNotTakenByAnotherRegister(cmd.changeIdTakenElsewhere(), cmd.changeId());

        Change existing = changes.get(cmd.changeId());
        if (existing != null) {
            ChangeInitiated e = existing.initiated;
            RowContent repeated = cmd.row() != null
                            && RowRules.rowIsComplete(cmd.row(), "row", template)
                                    .isEmpty()
                    ? RowRules.normalise(cmd.row(), e.division(), template)
                    : null;
            ChangeRules.sameChangeIdSameProposal(
                    e.kind() == cmd.kind()
                            && Objects.equals(e.rowId(), rowId)
                            && Objects.equals(e.after(), repeated)
                            && e.reason() == cmd.reason()
                            && Objects.equals(e.comment(), comment)
                            && Objects.equals(e.by(), cmd.by()),
                    cmd.changeId());
            return ChangeStatus.INITIATED;
        }
        RegisterRules.expectedRegisterVersionIsCurrent(AggregateLifecycle.getVersion(), cmd.expectedRegisterVersion());
        List<Change> open = openChanges(); // once: every change the register ever had is looked at
        if (cmd.kind() == ChangeKind.ADD) {
            // the new row takes the change's id: an id of a row in the register would replace that row on approval
            ChangeRules.sameChangeIdSameProposal(
                    !rows.containsKey(cmd.changeId()) && open.stream().noneMatch(c -> c.touches(cmd.changeId())),
                    cmd.changeId());
        }

        RowContent before =
                cmd.kind() == ChangeKind.ADD ? null : ChangeRules.editOrRemoveTargetsAnExistingRow(rows, cmd.rowId());
        boolean responsible = ChangeRules.initiatesAsResponsiblePerson(procedure, members, cmd.by());
        String division = divisionOfChange(cmd, before, responsible);
        if (!responsible) {
            ChangeRules.onlyTheProcedureInitiatorsInitiate(procedure, cmd.by());
            ChangeRules.onlyMembersOfTheOwningDivisionInitiate(members, cmd.by(), division);
        }
        if (ownProcedure) {
            ProcedureRules.reasonIsAllowedByTheProcedure(procedure, cmd.reason());
        }

        RowContent after = null;
        if (cmd.kind() != ChangeKind.REMOVE) {
            Violations.requireNoErrors(RowRules.ROW_IS_COMPLETE, RowRules.rowIsComplete(cmd.row(), "row", template));
            Violations.requireNoErrors(
                    RowRules.TEXT_HAS_NO_INVISIBLE_CHARACTERS, RowRules.textHasNoInvisibleCharacters(cmd.row(), "row"));
            if (ownProcedure) {
                Violations.requireNoErrors(
                        ProcedureRules.ROW_FITS_THE_PROCEDURE,
                        ProcedureRules.rowFitsTheProcedure(procedure, cmd.row(), "row"));
                Violations.requireNoErrors(
                        ProcedureRules.TOUCHPOINT_TYPE_FITS_ITS_CHANNEL,
                        ProcedureRules.touchpointTypeFitsItsChannel(procedure, cmd.row(), "row"));
            }
            after = RowRules.normalise(cmd.row(), division, template);
            if (template != Template.FIVE_COLUMN) { // five columns have no direction: each process is its own group
                String replaced = cmd.kind() == ChangeKind.ADD ? null : rowId;
                if (!anotherRowOfTheProcessHasTheDirection(after, replaced)) {
                    RowRules.directionFollowsTheProcess(rowsOfProcess(after.process()), after, replaced);
                }
            }
        }
        if (cmd.kind() == ChangeKind.EDIT) {
            ChangeRules.anEditChangesTheRow(before, after);
        }
        if (cmd.kind() != ChangeKind.ADD) {
            ChangeRules.oneOpenChangePerRow(changes.values(), rowId);
        }
        if (after != null) {
            ChangeRules.oneTouchpointPerProcess(
                    touchpointKeysLike(after.touchpointKey()),
                    open,
                    after,
                    cmd.kind() == ChangeKind.ADD ? null : rowId,
                    cmd.changeId());
        }
        ApprovalChain chain = ownProcedure ? procedure.chain() : null;
        apply(new ChangeInitiated(
                registerId,
                cmd.changeId(),
                cmd.kind(),
                rowId,
                before,
                after,
                cmd.reason(),
                comment,
                division,
                cmd.by(),
                cmd.at(),
                chain));
        Change change = changes.get(cmd.changeId());
        change.enterIfNothingToApprove(cmd.by(), cmd.at(), calendar);
        return change.status;
    }

    /**
     * A change package: the single-row change's rules, each checked for every operation on the register as it would
     * stand after the whole package, and refused whole (naming the operation) when one breaks. A package of one
     * operation is the single-row change, recorded exactly as {@link InitiateChangeCommand} records it.
     */
    @CommandHandler
    public ChangeStatus handle(InitiateChangePackageCommand cmd, ProductionCalendar calendar) {
        Violations.requireNoErrors(PackageRules.PACKAGE_IS_DESCRIBED, PackageRules.packageIsDescribed(cmd));
        List<PackageOperation> ops = cmd.operations();
        if (ops.size() == 1) {
            PackageOperation op = ops.get(0);
            try {
                return handle(
                        new InitiateChangeCommand(
                                registerId,
                                cmd.changeId(),
                                op.kind(),
                                op.rowId(),
                                op.row(),
                                cmd.reason(),
                                cmd.comment(),
                                cmd.expectedRegisterVersion(),
                                cmd.by(),
                                cmd.at(),
                                cmd.changeIdTakenElsewhere()),
                        calendar);
            } catch (org.touchpoints.register.api.rule.RuleViolatedException e) {
                throw onlyOperation(e);
            }
        }
        String comment = clean(cmd.comment());
        boolean responsible = ChangeRules.initiatesAsResponsiblePerson(procedure, members, cmd.by());
        if (!responsible) {
            ChangeRules.onlyMembersOfTheOwningDivisionInitiate(members, cmd.by());
        }
        ChangeRules.changeIdNotTakenByAnotherRegister(cmd.changeIdTakenElsewhere(), cmd.changeId());

        Change existing = changes.get(cmd.changeId());
        if (existing != null) {
            ChangeRules.sameChangeIdSameProposal(samePackage(existing, cmd, comment), cmd.changeId());
            return ChangeStatus.INITIATED;
        }
        RegisterRules.expectedRegisterVersionIsCurrent(AggregateLifecycle.getVersion(), cmd.expectedRegisterVersion());
        PackageRules.onePackageOperationPerRow(ops);
        List<RowContent> befores = new ArrayList<>();
        List<String> rowIds = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            if (op.kind() == ChangeKind.ADD) {
                String newRowId = PackageRules.newRowId(cmd.changeId(), i);
                // the new row's id: one of a row in the register would replace that row on approval
                ChangeRules.sameChangeIdSameProposal(
                        !rows.containsKey(newRowId) && !changes.containsKey(newRowId), cmd.changeId());
                rowIds.add(newRowId);
                befores.add(null);
            } else {
                String rowId = op.rowId().strip();
                rowIds.add(rowId);
                befores.add(PackageRules.inOperation(
                        i, "rowId", () -> ChangeRules.editOrRemoveTargetsAnExistingRow(rows, rowId)));
            }
        }
        List<String> divisionsOfOperations = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            RowContent before = befores.get(i);
            String division =
                    PackageRules.inOperation(i, "row", () -> divisionOfChange(op.row(), cmd.by(), before, responsible));
            if (!responsible) {
                PackageRules.inOperation(i, "row", () -> {
                    ChangeRules.onlyTheProcedureInitiatorsInitiate(procedure, cmd.by());
                    ChangeRules.onlyMembersOfTheOwningDivisionInitiate(members, cmd.by(), division);
                });
            }
            divisionsOfOperations.add(division);
        }
        if (ownProcedure) {
            ProcedureRules.reasonIsAllowedByTheProcedure(procedure, cmd.reason());
        }
        List<FieldError> complete = new ArrayList<>();
        List<FieldError> invisible = new ArrayList<>();
        List<FieldError> fits = new ArrayList<>();
        List<FieldError> typed = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            if (op.kind() != ChangeKind.REMOVE) {
                String row = PackageRules.prefix(i) + "row";
                complete.addAll(RowRules.rowIsComplete(op.row(), row, template));
                invisible.addAll(RowRules.textHasNoInvisibleCharacters(op.row(), row));
                if (ownProcedure) {
                    fits.addAll(ProcedureRules.rowFitsTheProcedure(procedure, op.row(), row));
                    typed.addAll(ProcedureRules.touchpointTypeFitsItsChannel(procedure, op.row(), row));
                }
            }
        }
        Violations.requireNoErrors(RowRules.ROW_IS_COMPLETE, complete);
        Violations.requireNoErrors(RowRules.TEXT_HAS_NO_INVISIBLE_CHARACTERS, invisible);
        Violations.requireNoErrors(ProcedureRules.ROW_FITS_THE_PROCEDURE, fits);
        Violations.requireNoErrors(ProcedureRules.TOUCHPOINT_TYPE_FITS_ITS_CHANNEL, typed);
        ApprovalChain chain = ownProcedure ? procedure.chain() : null;
        PackageRules.aPackageBelongsToOneDivision(
                divisionsOfOperations,
                (chain != null ? chain : procedure.chain()).steps().contains(ProcedureStep.DIVISION_HEAD));
        List<RowChange> operations = new ArrayList<>();
        List<Change> open = openChanges(); // once: each operation's row is looked up among the open changes only
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            RowContent after = op.kind() == ChangeKind.REMOVE
                    ? null
                    : RowRules.normalise(op.row(), divisionsOfOperations.get(i), template);
            RowContent before = befores.get(i);
            if (op.kind() == ChangeKind.EDIT) {
                PackageRules.inOperation(i, "row", () -> ChangeRules.anEditChangesTheRow(before, after));
            }
            if (op.kind() != ChangeKind.ADD) {
                String rowId = rowIds.get(i);
                PackageRules.inOperation(i, "rowId", () -> ChangeRules.oneOpenChangePerRow(open, rowId));
            }
            operations.add(new RowChange(op.kind(), rowIds.get(i), before, after));
        }
        if (template != Template.FIVE_COLUMN) { // five columns have no direction: each process is its own group
            PackageRules.directionFollowsTheProcess(rows, operations);
        }
        PackageRules.oneTouchpointPerProcess(touchpointKeys, open, operations, cmd.changeId());
        apply(ChangeInitiated.ofPackage(
                registerId,
                cmd.changeId(),
                operations,
                cmd.reason(),
                comment,
                PackageRules.divisionOfThePackage(divisionsOfOperations),
                cmd.by(),
                cmd.at(),
                chain));
        Change change = changes.get(cmd.changeId());
        change.enterIfNothingToApprove(cmd.by(), cmd.at(), calendar);
        return change.status;
    }

    /** A repeated package: the same operations (as they would be recorded), reason, comment and initiator. */
    private boolean samePackage(Change existing, InitiateChangePackageCommand cmd, String comment) {
        ChangeInitiated e = existing.initiated;
        List<RowChange> recorded = e.rowChanges();
        if (!e.severalRows()
                || recorded.size() != cmd.operations().size()
                || e.reason() != cmd.reason()
                || !Objects.equals(e.comment(), comment)
                || !Objects.equals(e.by(), cmd.by())) {
            return false;
        }
        for (int i = 0; i < recorded.size(); i++) {
            RowChange was = recorded.get(i);
            PackageOperation op = cmd.operations().get(i);
            String rowId = op.kind() == ChangeKind.ADD
                    ? PackageRules.newRowId(e.changeId(), i)
                    : op.rowId().strip();
            RowContent repeated = op.row() != null
                            && was.after() != null
                            && RowRules.rowIsComplete(op.row(), "row", template).isEmpty()
                    ? RowRules.normalise(op.row(), was.after().division(), template)
                    : null;
            if (was.kind() != op.kind() || !was.rowId().equals(rowId) || !Objects.equals(was.after(), repeated)) {
                return false;
            }
        }
        return true;
    }

    /** A refusal of a package's only operation, checked as a single-row change, named as the package's operation. */
    private static org.touchpoints.register.api.rule.RuleViolatedException onlyOperation(
            org.touchpoints.register.api.rule.RuleViolatedException e) {
        List<FieldError> errors = e.violation().errors().stream()
                .map(f -> f.field().equals("kind") || f.field().startsWith("row")
                        ? new FieldError(PackageRules.prefix(0) + f.field(), f.message())
                        : f)
                .toList();
        return new org.touchpoints.register.api.rule.RuleViolatedException(
                new org.touchpoints.register.api.rule.RuleViolation(
                        e.violation().rule(),
                        e.violation().refusal(),
                        e.violation().message(),
                        errors));
    }

    /**
     * The division a change belongs to: the owner of the row's process (of the proposed process too, for a
     * new process: the division the proposal names, or the initiator's only division).
     */
    private String divisionOfChange(InitiateChangeCommand cmd, RowContent before, boolean responsible) {
        return divisionOfChange(cmd.row(), cmd.by(), before, responsible);
    }

    /** {@link #divisionOfChange(InitiateChangeCommand, RowContent, boolean)} of one proposed {@code row}. */
    private String divisionOfChange(RowContent row, String by, RowContent before, boolean responsible) {
        if (before != null) {
            String owner = before.division() != null
                    ? before.division()
                    : divisions.ownerOf(before.process()).orElse(null);
            if (owner != null) {
                if (!responsible && row != null && row.process() != null) {
                    divisions
                            .ownerOtherThan(row.process(), owner)
                            .ifPresent(other -> ChangeRules.onlyMembersOfTheOwningDivisionInitiate(members, by, other));
                }
                return owner;
            }
        }
        RowContent target = row != null && row.process() != null ? row : before;
        if (target != null && divisions.shared(target.process())) {
            return RegisterRules.divisionOfARowOfASharedProcess(
                    divisions.ownersOf(target.process()),
                    row == null ? null : row.division(),
                    members.divisionsWhere(by, MemberRole.SPECIALIST),
                    responsible);
        }
        if (row != null && row.process() != null) {
            var owner = divisions.ownerOf(row.process());
            if (owner.isPresent()) {
                return owner.get();
            }
        }
        if (row != null && !Text.isBlank(row.division())) {
            return row.division().strip();
        }
        if (responsible) {
            // a responsible person proposes for the whole register: the only division, or none when no step needs one
            if (divisions.ids().size() == 1) {
                return divisions.ids().iterator().next();
            }
            if (!procedure.approvalSteps().contains(ProcedureStep.DIVISION_HEAD)) {
                return null;
            }
        }
        Set<String> own = members.divisionsWhere(by, MemberRole.SPECIALIST);
        if (own.size() == 1) {
            return own.iterator().next();
        }
        ChangeRules.onlyMembersOfTheOwningDivisionInitiate(
                members, by); // a specialist of no division initiates nothing
        throw ChangeRules.theDivisionOfANewProcessIsNamed();
    }

    @CommandHandler
    public ApprovalActResult handle(RecordApprovalActCommand cmd, ProductionCalendar calendar) {
        ChangeRules.onlyActHoldersRecordActs(members, cmd.by());
        Violations.requireNoErrors(
                ChangeRules.APPROVAL_ACT_IS_DESCRIBED,
                ChangeRules.approvalActIsDescribed(cmd.actId(), cmd.number(), cmd.date(), cmd.changeIds()));
        ApprovalActRecorded recorded = acts.get(cmd.actId());
        if (recorded != null) {
            ChangeRules.sameActIdSameAct(recorded, cmd.number().strip(), cmd.date(), cmd.changeIds(), cmd.by());
            return new ApprovalActResult(recorded.actId(), recorded.changeIds());
        }
        ChangeRules.actIsNotDatedInTheFuture(cmd.date(), today(cmd.at()));
        List<Change> covered = new ArrayList<>();
        for (String changeId : cmd.changeIds()) {
            Change change = ChangeRules.changeExists(changes, changeId);
            change.mayBeApprovedByAct(cmd.by(), cmd.date());
            covered.add(change);
        }
        String number = cmd.number().strip();
        apply(new ApprovalActRecorded(
                registerId, cmd.actId(), number, cmd.date(), cmd.changeIds(), cmd.by(), cmd.at()));
        for (Change change : covered) {
            change.approveByAct(cmd.actId(), number, cmd.date(), cmd.by(), cmd.at(), calendar);
        }
        return new ApprovalActResult(cmd.actId(), List.copyOf(cmd.changeIds()));
    }

    @CommandHandler
    public PublicationResult handle(PublishCommand cmd) {
        BoundRules.datesWithinTheSaneRange(BoundRules.dated("publishedAt", "Дата публикации", cmd.publishedAt()));
        RegisterRules.onlyPublishersPublish(members, cmd.by());
        Violations.requireNoErrors(
                "publicationIsDescribed",
                RegisterRules.publicationIsDescribed(cmd.publicationId(), cmd.url(), cmd.publishedAt(), cmd.at()));
        Published recorded = cmd.publicationId() == null ? null : publicationsById.get(cmd.publicationId());
        if (recorded != null) {
            RegisterRules.samePublicationIdSamePublication(recorded, cmd.url().strip(), cmd.publishedAt(), cmd.by());
            return new PublicationResult(recorded.version(), recorded.coveredChangeIds(), recorded.sha256());
        }
        RegisterRules.expectedRegisterVersionIsCurrent(AggregateLifecycle.getVersion(), cmd.expectedRegisterVersion());
        RegisterRules.somethingToPublish(!approvedUnpublished.isEmpty() || publishedVersion == 0);
        Instant publishedAt = cmd.publishedAt() != null ? cmd.publishedAt() : cmd.at();
        RegisterRules.publicationNotBeforeApproval(publishedAt, approvedUnpublished.isEmpty() ? null : lastApprovalAt);
        List<RegisterRow> current = rows.entrySet().stream()
                .map(e -> new RegisterRow(e.getKey(), e.getValue()))
                .toList();
        String sha256 = RegisterCsv.sha256(
                RegisterCsv.render(template, RegisterLayout.numbered(template, current, groupNumbers)));
        RegisterRules.publishedContentIsTheDownloadedOne(cmd.expectedSha256(), sha256);
        int version = publishedVersion + 1;
        List<String> covered = List.copyOf(approvedUnpublished);
        apply(new Published(
                registerId,
                version,
                cmd.url().strip(),
                publishedAt,
                covered,
                sha256,
                publishedSha256,
                cmd.publicationId(),
                cmd.by(),
                cmd.at()));
        return new PublicationResult(version, covered, sha256);
    }

    @CommandHandler
    public boolean handle(ConfirmAnnualReviewCommand cmd) {
        ProcedureRules.annualReviewIsPartOfTheProcedure(procedure);
        RegisterRules.divisionRoleNamesAKnownDivision(divisions, MemberRole.HEAD, cmd.divisionId());
        RegisterRules.onlyTheDivisionConfirmsItsReview(members, cmd.by(), cmd.divisionId());
        RegisterRules.reviewYearHasBegun(cmd.year(), cmd.at().atZone(zone).getYear());
        if (reviews.contains(cmd.divisionId() + "/" + cmd.year())) {
            return false; // confirmed already
        }
        Violations.requireNoErrors(
                RegisterRules.ANNUAL_REVIEW_IS_DESCRIBED, RegisterRules.annualReviewIsDescribed(cmd.comment()));
        apply(new AnnualReviewConfirmed(
                registerId, cmd.divisionId(), cmd.year(), clean(cmd.comment()), cmd.by(), cmd.at()));
        return true;
    }

    @CommandHandler
    public String handle(DelegateApprovalRightCommand cmd) {
        Violations.requireNoErrors(
                "delegationIsDescribed",
                DelegationRules.delegationIsDescribed(
                        cmd.delegationId(), cmd.delegate(), cmd.role(), cmd.validFrom(), cmd.validTo(), cmd.comment()));
        BoundRules.datesWithinTheSaneRange(
                BoundRules.dated("validFrom", "Дата начала", cmd.validFrom()),
                BoundRules.dated("validTo", "Дата окончания", cmd.validTo()));
        String holder = Text.isBlank(cmd.holder()) ? cmd.by() : cmd.holder().strip();
        String delegate = cmd.delegate().strip();
        String divisionId = cmd.role().divisional() ? cmd.divisionId() : null;
        String comment = clean(cmd.comment());
        var recorded = delegations.find(cmd.delegationId());
        if (recorded.isPresent()) {
            DelegationRules.sameDelegationIdSameDelegation(
                    recorded.get().granted,
                    holder,
                    delegate,
                    cmd.role(),
                    divisionId,
                    cmd.validFrom(),
                    cmd.validTo(),
                    comment);
            return cmd.delegationId();
        }
        DelegationRules.onlyApprovalRightsAreDelegated(cmd.role());
        RegisterRules.divisionRoleNamesAKnownDivision(divisions, cmd.role(), divisionId);
        DelegationRules.delegateCannotRedelegate(members, delegations, holder, cmd.role(), divisionId);
        DelegationRules.onlyTheHolderDelegates(
                members, holder, cmd.by(), cmd.byAdministrator(), cmd.role(), divisionId);
        DelegationRules.noDelegatingToOneself(holder, delegate);
        DelegationRules.delegateHoldsARoleInTheRegister(members, delegate);
        DelegationRules.delegationPeriodIsValid(cmd.validFrom(), cmd.validTo(), today(cmd.at()));
        DelegationRules.delegationAtMostThreeYears(cmd.validFrom(), cmd.validTo());
        DelegationRules.oneActingOfficialAtATime(
                delegations, holder, cmd.role(), divisionId, cmd.validFrom(), cmd.validTo());
        apply(new ApprovalRightDelegated(
                registerId,
                cmd.delegationId(),
                holder,
                delegate,
                cmd.role(),
                divisionId,
                cmd.validFrom(),
                cmd.validTo(),
                comment,
                cmd.by(),
                cmd.at()));
        return cmd.delegationId();
    }

    @CommandHandler
    public boolean handle(RevokeDelegationCommand cmd) {
        Delegations.Delegation delegation = DelegationRules.delegationExists(delegations, cmd.delegationId());
        DelegationRules.onlyTheHolderRevokes(delegation, cmd.by(), cmd.byAdministrator());
        if (delegation.revoked) {
            return false; // revoked already
        }
        apply(new DelegationRevoked(registerId, cmd.delegationId(), cmd.by(), cmd.at()));
        return true;
    }

    /** The date in the register's time zone: what periods and deadlines are counted in. */
    LocalDate today(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    // ---- what the changes, the register's entities, ask of the register ----

    String registerId() {
        return registerId;
    }

    ZoneId zone() {
        return zone;
    }

    /** The authority's region, whose calendar overlay its deadlines count by (null: federal only). */
    String region() {
        return region;
    }

    Membership members() {
        return members;
    }

    Delegations delegations() {
        return delegations;
    }

    /** The change of this id (null when the register has none): where an event naming it is forwarded. */
    Change change(Object changeId) {
        return changes.get(changeId);
    }

    /** The touchpoint key of every row in the register, by row id. */
    Map<String, String> touchpointKeys() {
        return touchpointKeys;
    }

    /**
     * Every command naming a change is refused by {@link ChangeRules#changeExists} before it is routed to the change
     * (a change the register does not have would otherwise fail as a missing entity, not as the rule).
     */
    @CommandHandlerInterceptor
    void changeExists(ChangeCommand cmd) {
        ChangeRules.changeExists(changes, cmd.changeId());
    }

    private void putRow(String rowId, RowContent row) {
        RowContent previous = rows.put(rowId, row);
        if (previous != null) {
            countDirection(previous, -1);
        }
        countDirection(row, +1);
        String key = row.touchpointKey();
        String previousKey = touchpointKeys.put(rowId, key);
        if (previousKey != null && !previousKey.equals(key)) {
            unindexKey(rowId, previousKey);
        }
        rowsByTouchpointKey.computeIfAbsent(key, k -> new HashSet<>()).add(rowId);
        String process = Identity.name(row.process());
        if (previous != null && !Identity.name(previous.process()).equals(process)) {
            unindex(rowId, previous);
            // the edited row keeps its place in the register: the process's rows in the register's order again
            Map<String, RowContent> ofProcess = new LinkedHashMap<>();
            rows.forEach((id, r) -> {
                if (Identity.name(r.process()).equals(process)) {
                    ofProcess.put(id, r);
                }
            });
            rowsByProcess.put(process, ofProcess);
        } else {
            rowsByProcess.computeIfAbsent(process, k -> new LinkedHashMap<>()).put(rowId, row);
        }
    }

    private void removeRow(String rowId) {
        RowContent previous = rows.remove(rowId);
        String previousKey = touchpointKeys.remove(rowId);
        if (previousKey != null) {
            unindexKey(rowId, previousKey);
        }
        if (previous != null) {
            unindex(rowId, previous);
            countDirection(previous, -1);
        }
    }

    private void countDirection(RowContent row, int delta) {
        String process = Identity.name(row.process());
        Map<String, Integer> ofProcess = directionKeysByProcess.computeIfAbsent(process, k -> new HashMap<>());
        ofProcess.merge(Text.key(row.direction()), delta, (a, b) -> a + b == 0 ? null : a + b);
        if (ofProcess.isEmpty()) {
            directionKeysByProcess.remove(process);
        }
    }

    /**
     * Whether a row of the proposed row's process other than {@code replacedRowId} stands in the proposed direction
     * ({@link Text#key}): then directionFollowsTheProcess has nothing to refuse (the process's directions include
     * the proposed one), and is asked only otherwise.
     */
    private boolean anotherRowOfTheProcessHasTheDirection(RowContent proposed, String replacedRowId) {
        String process = Identity.name(proposed.process());
        Map<String, Integer> ofProcess = directionKeysByProcess.get(process);
        if (ofProcess == null) {
            return false;
        }
        String key = Text.key(proposed.direction());
        Integer count = ofProcess.get(key);
        if (count == null) {
            return false;
        }
        RowContent replaced = replacedRowId == null ? null : rows.get(replacedRowId);
        if (replaced != null
                && Identity.name(replaced.process()).equals(process)
                && Text.key(replaced.direction()).equals(key)) {
            return count > 1;
        }
        return count > 0;
    }

    private void unindex(String rowId, RowContent row) {
        String process = Identity.name(row.process());
        Map<String, RowContent> ofProcess = rowsByProcess.get(process);
        if (ofProcess != null) {
            ofProcess.remove(rowId);
            if (ofProcess.isEmpty()) {
                rowsByProcess.remove(process);
            }
        }
    }

    private void unindexKey(String rowId, String key) {
        Set<String> ofKey = rowsByTouchpointKey.get(key);
        if (ofKey != null) {
            ofKey.remove(rowId);
            if (ofKey.isEmpty()) {
                rowsByTouchpointKey.remove(key);
            }
        }
    }

    /**
     * The touchpoint keys by row of the rows with this key (none, or the one row), or of the whole register when
     * several rows have it (older data), so the rule names the first of them in the register's order as before.
     */
    private Map<String, String> touchpointKeysLike(String key) {
        Set<String> ofKey = rowsByTouchpointKey.get(key);
        if (ofKey == null) {
            return Map.of();
        }
        return ofKey.size() == 1 ? Map.of(ofKey.iterator().next(), key) : touchpointKeys;
    }

    /** The register's rows of this process (by {@link Identity#name}), in the register's order. */
    private Map<String, RowContent> rowsOfProcess(String process) {
        return rowsByProcess.getOrDefault(Identity.name(process), Map.of());
    }

    private List<Change> openChanges() {
        return changes.values().stream().filter(Change::open).toList();
    }

    static String clean(String s) {
        return Text.isBlank(s) ? null : s.strip();
    }

    // ---- event-sourcing handlers: they only assign ----

    @EventSourcingHandler
    void on(RegisterCreated e) {
        registerId = e.registerId();
        template = e.template();
        zone = ZoneId.of(e.timeZone());
        region = e.region();
        procedure = e.procedureOrLegacy();
        ownProcedure = e.procedure() != null;
    }

    @EventSourcingHandler
    void on(ProcedureChanged e) {
        procedure = e.procedure();
        ownProcedure = true;
    }

    @EventSourcingHandler
    void on(DivisionDefined e) {
        divisions.define(e.divisionId(), e.name(), e.processes());
    }

    @EventSourcingHandler
    void on(MemberAssigned e) {
        members.grant(e.username(), e.role(), e.divisionId());
    }

    @EventSourcingHandler
    void on(MemberRevoked e) {
        members.revoke(e.username(), e.role(), e.divisionId());
    }

    @EventSourcingHandler
    void on(RowImported e) {
        putRow(e.rowId(), e.row());
        if (e.groupNo() != null) {
            groupNumbers.putIfAbsent(RegisterLayout.groupKey(template, e.row()), e.groupNo());
        }
    }

    @EventSourcingHandler
    void on(ChangeInitiated e) {
        changes.put(e.changeId(), new Change(this, e, e.chain() != null ? e.chain() : procedure.chain()));
    }

    /** The register's part of a final approval (the change assigns its own, {@link Change#on(DeputyApproved)}). */
    @EventSourcingHandler
    void on(DeputyApproved e) {
        enterRegister(changes.get(e.changeId()), e.at());
    }

    @EventSourcingHandler
    void on(ApprovalActRecorded e) {
        acts.put(e.actId(), e);
    }

    /** The register's part of an approval (the change assigns its own, {@link Change#on(ChangeApproved)}). */
    @EventSourcingHandler
    void on(ChangeApproved e) {
        enterRegister(changes.get(e.changeId()), e.at());
    }

    /** The approved change's rows enter (or leave) the register, all at once. */
    private void enterRegister(Change change, Instant at) {
        lastApprovalAt = at;
        approvedUnpublished.add(change.id());
        for (RowChange op : change.operations) {
            switch (op.kind()) {
                case ADD, EDIT -> {
                    putRow(op.rowId(), op.after());
                    divisions.own(
                            op.after().process(),
                            change.initiated.severalRows() && op.after().division() != null
                                    ? op.after().division()
                                    : change.initiated.division());
                }
                case REMOVE -> removeRow(op.rowId());
                case PACKAGE -> throw new IllegalStateException("An operation is ADD, EDIT or REMOVE");
            }
        }
    }

    @EventSourcingHandler
    void on(AnnualReviewConfirmed e) {
        reviews.add(e.divisionId() + "/" + e.year());
    }

    @EventSourcingHandler
    void on(ApprovalRightDelegated e) {
        delegations.grant(e);
    }

    @EventSourcingHandler
    void on(DelegationRevoked e) {
        delegations.revoke(e.delegationId());
    }

    @EventSourcingHandler
    void on(Published e) {
        publishedVersion = e.version();
        publishedSha256 = e.sha256();
        for (String id : e.coveredChangeIds()) {
            changes.get(id).published();
        }
        if (e.publicationId() != null) {
            publicationsById.put(e.publicationId(), e);
        }
        approvedUnpublished.removeAll(e.coveredChangeIds());
    }
}
