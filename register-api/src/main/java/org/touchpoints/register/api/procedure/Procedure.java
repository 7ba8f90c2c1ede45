package org.touchpoints.register.api.procedure;

import java.util.Arrays;
import java.util.List;
import org.touchpoints.register.api.change.ChangeReason;
import org.touchpoints.register.api.row.ClientNeed;
import org.touchpoints.register.api.row.Direction;

/**
 * An authority's procedure (Порядок) as the register's data: who initiates, the ordered approval steps, the approving
 * act, the publication deadline and what it counts from, the annual monitoring, and the closed lists (needs,
 * directions, reasons, touchpoint types) and the template's column headers. {@code preset} names the seed it was
 * filled from (null: none). {@code columnHeaders}: the headers of the register's template as the authority words them
 * (one per column), used by the people's files and the register's page; null: the template's own
 * ({@link org.touchpoints.register.api.row.Template#headers}). The canonical CSV always keeps the template's own.
 * {@code sharedProcesses}: whether several divisions may run one process, each listing the touchpoints of its own
 * actions (000 §2.6, 003 §2.3); then each row of such a process belongs to one of them and is approved by its head.
 * Absent (null, as in every procedure recorded before the field existed): not shared, one division per process.
 * Fields may be null in a request (then the preset's, or today's, value applies); a recorded procedure is complete.
 */
public record Procedure(
        ProcedurePreset preset,
        List<Initiator> initiators,
        List<ProcedureStep> approvalSteps,
        ApprovalActMode approvalAct,
        Integer deadlineWorkingDays,
        DeadlineFrom deadlineFrom,
        String annualReviewBy,
        List<Need> needs,
        List<String> directions,
        List<ChangeReason> reasons,
        List<TouchpointType> touchpointTypes,
        List<String> columnHeaders,
        Boolean sharedProcesses) {

    /** A procedure that does not say whether processes are shared (they are not). */
    public Procedure(
            ProcedurePreset preset,
            List<Initiator> initiators,
            List<ProcedureStep> approvalSteps,
            ApprovalActMode approvalAct,
            Integer deadlineWorkingDays,
            DeadlineFrom deadlineFrom,
            String annualReviewBy,
            List<Need> needs,
            List<String> directions,
            List<ChangeReason> reasons,
            List<TouchpointType> touchpointTypes,
            List<String> columnHeaders) {
        this(
                preset,
                initiators,
                approvalSteps,
                approvalAct,
                deadlineWorkingDays,
                deadlineFrom,
                annualReviewBy,
                needs,
                directions,
                reasons,
                touchpointTypes,
                columnHeaders,
                null);
    }

    /** A procedure without column headers of its own (the template's apply). */
    public Procedure(
            ProcedurePreset preset,
            List<Initiator> initiators,
            List<ProcedureStep> approvalSteps,
            ApprovalActMode approvalAct,
            Integer deadlineWorkingDays,
            DeadlineFrom deadlineFrom,
            String annualReviewBy,
            List<Need> needs,
            List<String> directions,
            List<ChangeReason> reasons,
            List<TouchpointType> touchpointTypes) {
        this(
                preset,
                initiators,
                approvalSteps,
                approvalAct,
                deadlineWorkingDays,
                deadlineFrom,
                annualReviewBy,
                needs,
                directions,
                reasons,
                touchpointTypes,
                null,
                null);
    }

    public Procedure {
        // unmodifiable copies that keep a null element, so the rules can name it instead of the constructor failing
        initiators = copy(initiators);
        approvalSteps = copy(approvalSteps);
        needs = copy(needs);
        directions = copy(directions);
        reasons = copy(reasons);
        touchpointTypes = copy(touchpointTypes);
        columnHeaders = copy(columnHeaders);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    /** The global needs 1–10 every register used before procedures were data. */
    public static final List<Need> GLOBAL_NEEDS = Arrays.stream(ClientNeed.values())
            .map(n -> new Need(n.code(), n.title()))
            .toList();

    /**
     * Today's procedure, which every register created without one keeps (and every event recorded before procedures
     * existed reads as): division specialists initiate, the division head then the deputy approve, an order is
     * optional, the deadline counts from the deputy's approval, annual monitoring by 31 December, the global lists.
     */
    public static Procedure legacy(Integer deadlineWorkingDays) {
        return new Procedure(
                null,
                List.of(Initiator.DIVISION),
                List.of(ProcedureStep.DIVISION_HEAD, ProcedureStep.DEPUTY),
                ApprovalActMode.OPTIONAL,
                deadlineWorkingDays,
                DeadlineFrom.FINAL_APPROVAL,
                "12-31",
                GLOBAL_NEEDS,
                Direction.CANONICAL,
                List.of(ChangeReason.values()),
                List.of());
    }

    /** This procedure with every field {@code override} gives replacing its own (a preset filled, then overridden). */
    public Procedure overriddenBy(Procedure override) {
        if (override == null) {
            return this;
        }
        return new Procedure(
                override.preset != null ? override.preset : preset,
                override.initiators != null ? override.initiators : initiators,
                override.approvalSteps != null ? override.approvalSteps : approvalSteps,
                override.approvalAct != null ? override.approvalAct : approvalAct,
                override.deadlineWorkingDays != null ? override.deadlineWorkingDays : deadlineWorkingDays,
                override.deadlineFrom != null ? override.deadlineFrom : deadlineFrom,
                override.annualReviewBy != null ? override.annualReviewBy : annualReviewBy,
                override.needs != null ? override.needs : needs,
                override.directions != null ? override.directions : directions,
                override.reasons != null ? override.reasons : reasons,
                override.touchpointTypes != null ? override.touchpointTypes : touchpointTypes,
                override.columnHeaders != null ? override.columnHeaders : columnHeaders,
                override.sharedProcesses != null ? override.sharedProcesses : sharedProcesses);
    }

    /** Whether several divisions may run one process (000 §2.6, 003 §2.3); absent: they may not. */
    public boolean processesMayBeShared() {
        return Boolean.TRUE.equals(sharedProcesses);
    }

    /** This procedure saying whether processes may be shared. */
    public Procedure withSharedProcesses(Boolean shared) {
        return new Procedure(
                preset,
                initiators,
                approvalSteps,
                approvalAct,
                deadlineWorkingDays,
                deadlineFrom,
                annualReviewBy,
                needs,
                directions,
                reasons,
                touchpointTypes,
                columnHeaders,
                shared);
    }

    /** This procedure with another deadline (null: none). */
    public Procedure withDeadline(Integer workingDays) {
        return new Procedure(
                preset,
                initiators,
                approvalSteps,
                approvalAct,
                workingDays,
                deadlineFrom,
                annualReviewBy,
                needs,
                directions,
                reasons,
                touchpointTypes,
                columnHeaders,
                sharedProcesses);
    }

    /** This procedure with other column headers (null: the template's own). */
    public Procedure withColumnHeaders(List<String> headers) {
        return new Procedure(
                preset,
                initiators,
                approvalSteps,
                approvalAct,
                deadlineWorkingDays,
                deadlineFrom,
                annualReviewBy,
                needs,
                directions,
                reasons,
                touchpointTypes,
                headers,
                sharedProcesses);
    }

    /** The column headers the people's files and the page show: this procedure's, or the template's own. */
    public List<String> headersFor(org.touchpoints.register.api.row.Template template) {
        return columnHeaders != null ? columnHeaders : template.headers();
    }

    /** The part a change keeps from its initiation to its end. */
    public ApprovalChain chain() {
        return new ApprovalChain(approvalSteps, approvalAct, deadlineWorkingDays, deadlineFrom);
    }

    /** The title of need {@code code} in this register's list, if it has it. */
    public java.util.Optional<String> needTitle(int code) {
        return needs == null
                ? java.util.Optional.empty()
                : needs.stream()
                        .filter(n -> n.code() != null && n.code() == code)
                        .map(Need::title)
                        .findFirst();
    }
}
