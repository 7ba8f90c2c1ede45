package org.touchpoints.register.query.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.touchpoints.register.api.row.RowContent;

/**
 * A change as the API shows it; the timeline only on the single-change view. {@code pendingStep}: the step awaited now
 * (DIVISION_HEAD, RESPONSIBLE, DEPUTY, HEAD_OF_AUTHORITY, APPROVAL_ACT) or null; {@code procedureSteps}: the chain
 * the change runs under; {@code approvalActId}: the act that approved it, if one did; {@code approvalAct}: whether its
 * chain takes an approving act (NONE, OPTIONAL, REQUIRED). {@code dueDateNote}: the due date was
 * counted by the federal calendar alone for a region-year marked "federal only"; {@code dueDateProblem}: why an
 * approved change has no due date (its count was refused: a federal year or the region's overlay not loaded).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(
        String changeId,
        String registerId,
        String kind,
        String status,
        String reason,
        String comment,
        String division,
        String rowId,
        RowContent before,
        RowContent after,
        String initiatedBy,
        Instant initiatedAt,
        Instant approvedAt,
        String orderNumber,
        LocalDate orderDate,
        LocalDate dueDate,
        Integer publishedVersion,
        Instant publishedAt,
        long version,
        List<TimelineEntry> timeline,
        String dueDateNote,
        String dueDateProblem,
        @JsonInclude(JsonInclude.Include.ALWAYS) String pendingStep,
        List<String> procedureSteps,
        String approvalActId,
        String approvalAct,
        List<Operation> operations) {

    /**
     * One row of the change: every change has at least one ({@code operations} of a single-row change is its one row,
     * the same as its top-level {@code kind}, {@code rowId}, {@code before}, {@code after}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Operation(String kind, String rowId, RowContent before, RowContent after) {}

    /** Whether the change is a package of several rows. */
    public boolean severalRows() {
        return "PACKAGE".equals(kind);
    }

    /** {@code onBehalfOf}: whose approval right an acting official ({@code by}) exercised. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(String event, Instant at, String by, String onBehalfOf, String comment) {}

    ChangeView withTimeline(List<TimelineEntry> entries) {
        return new ChangeView(
                changeId,
                registerId,
                kind,
                status,
                reason,
                comment,
                division,
                rowId,
                before,
                after,
                initiatedBy,
                initiatedAt,
                approvedAt,
                orderNumber,
                orderDate,
                dueDate,
                publishedVersion,
                publishedAt,
                version,
                entries,
                dueDateNote,
                dueDateProblem,
                pendingStep,
                procedureSteps,
                approvalActId,
                approvalAct,
                operations);
    }
}
