package org.touchpoints.register.command.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.InitiateChangePackageCommand;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.change.RowChange;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.rule.FieldError;
import org.touchpoints.register.api.rule.RuleViolatedException;
import org.touchpoints.register.api.rule.RuleViolation;

/**
 * The rules of a change package (several rows, one change): what makes a package described, and the rules of a single
 * row checked on the register as it would stand after the whole package. Every refusal names the operation
 * ({@code operations[i]…}, i from 0; «операция N», N from 1, in the message). Each check runs in one pass over the
 * register and the package (indexes by key), so a 500-operation package over a register of hundreds of rows costs
 * milliseconds, not the square of its size.
 */
final class PackageRules {
    static final String PACKAGE_IS_DESCRIBED = "changeIsDescribed";
    static final String ONE_OPERATION_PER_ROW = "onePackageOperationPerRow";
    static final String ONE_DIVISION = "aPackageBelongsToOneDivision";

    private PackageRules() {}

    /** The field prefix of operation {@code i}: {@code operations[i].}. */
    static String prefix(int i) {
        return "operations[" + i + "].";
    }

    /**
     * changeIsDescribed, for a package: 1 to 500 operations, each with a row kind (ADD, EDIT, REMOVE), a target row
     * for EDIT and REMOVE and none for ADD, a proposed row for ADD and EDIT; a reason; a comment of sane length; a
     * well-formed id ({@link ChangeRules#changeIdIsWellFormed}).
     */
    static List<FieldError> packageIsDescribed(InitiateChangePackageCommand cmd) {
        List<FieldError> errors = new ArrayList<>();
        List<PackageOperation> ops = cmd.operations();
        if (ops == null || ops.isEmpty() || ops.size() > InitiateChangePackageCommand.MAX_OPERATIONS) {
            errors.add(new FieldError(
                    "operations",
                    "Пакет изменений содержит от 1 до "
                            + InitiateChangePackageCommand.MAX_OPERATIONS + " операций"
                            + (ops == null || ops.isEmpty() ? "" : " (передано " + ops.size() + ")")));
            errors.addAll(ChangeRules.changeIdIsWellFormed(cmd.changeId()));
            return errors;
        }
        if (cmd.reason() == null) {
            errors.add(new FieldError("reason", "Укажите основание изменения из перечня оснований"));
        }
        InputText.check(errors, "comment", "Комментарий", cmd.comment(), false, 2000);
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            String p = prefix(i);
            if (op == null) {
                errors.add(new FieldError("operations[" + i + "]", "Операция " + (i + 1) + " не описана"));
                continue;
            }
            if (op.kind() == null || !op.kind().rowOperation()) {
                errors.add(new FieldError(p + "kind", "Укажите вид операции " + (i + 1) + ": ADD, EDIT или REMOVE"));
                continue;
            }
            if (op.kind() == ChangeKind.ADD && op.rowId() != null) {
                errors.add(new FieldError(p + "rowId", "При добавлении строки её идентификатор не указывается"));
            }
            if (op.kind() != ChangeKind.ADD && Text.isBlank(op.rowId())) {
                errors.add(new FieldError(p + "rowId", "Укажите изменяемую или исключаемую строку"));
            }
            if (op.kind() != ChangeKind.REMOVE && op.row() == null) {
                errors.add(new FieldError(p + "row", "Укажите содержание строки"));
            }
        }
        errors.addAll(ChangeRules.changeIdIsWellFormed(cmd.changeId()));
        return errors;
    }

    /** The id of the row an ADD of a package creates: {@code <changeId>-<n>}, n the operation's position from 1. */
    static String newRowId(String changeId, int i) {
        return changeId + "-" + (i + 1);
    }

    /** onePackageOperationPerRow: a package edits or removes a row at most once (one operation says what it becomes). */
    static void onePackageOperationPerRow(List<PackageOperation> ops) {
        Map<String, Integer> seen = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            PackageOperation op = ops.get(i);
            if (op.kind() == ChangeKind.ADD) {
                continue;
            }
            Integer first = seen.putIfAbsent(op.rowId().strip(), i);
            if (first != null) {
                errors.add(new FieldError(
                        prefix(i) + "rowId",
                        "Строка «" + op.rowId().strip() + "» уже затронута операцией " + (first + 1)
                                + " этого пакета: одна строка — одна операция"));
            }
        }
        if (!errors.isEmpty()) {
            throw Violations.invalid(
                    ONE_OPERATION_PER_ROW,
                    "Пакет затрагивает одну строку несколькими операциями: "
                            + errors.get(0).message(),
                    errors);
        }
    }

    /**
     * aPackageBelongsToOneDivision: where the chain has the division head's step, one head approves the whole package,
     * so every operation's row belongs to one division (that of the first operation).
     */
    static void aPackageBelongsToOneDivision(List<String> divisionsOfOperations, boolean divisionHeadApproves) {
        if (!divisionHeadApproves || divisionsOfOperations.isEmpty()) {
            return;
        }
        String first = divisionsOfOperations.get(0);
        for (int i = 1; i < divisionsOfOperations.size(); i++) {
            if (!Objects.equals(first, divisionsOfOperations.get(i))) {
                String message = "Операция " + (i + 1) + " относится к подразделению «" + divisionsOfOperations.get(i)
                        + "», а пакет — к подразделению «" + first + "»: пакет согласует руководитель одного "
                        + "подразделения, предложите строки другого подразделения отдельным изменением";
                throw Violations.invalid(ONE_DIVISION, message, List.of(new FieldError(prefix(i) + "row", message)));
            }
        }
    }

    /** The division of the package: the one of all its operations, or null when they differ (no head's step). */
    static String divisionOfThePackage(List<String> divisionsOfOperations) {
        Set<String> distinct = new LinkedHashSet<>(divisionsOfOperations);
        return distinct.size() == 1 ? distinct.iterator().next() : null;
    }

    /**
     * directionFollowsTheProcess ({@link RowRules#directionFollowsTheProcess}) on the register as it would stand after
     * the package: each proposed row's process stands in its direction, unless no other row of that process is left.
     * {@code rows} are the register's rows now.
     */
    static void directionFollowsTheProcess(Map<String, RowContent> rows, List<RowChange> ops) {
        Map<String, RowContent> after = afterThePackage(rows, ops);
        // process key -> direction key -> rows; and the directions as written, for the message
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, Set<String>> written = new HashMap<>();
        Map<String, String> processKeys = new HashMap<>();
        after.forEach((rowId, row) -> {
            String process = processKeys.computeIfAbsent(row.process(), Identity::name);
            counts.computeIfAbsent(process, k -> new HashMap<>()).merge(Text.key(row.direction()), 1, Integer::sum);
            written.computeIfAbsent(process, k -> new LinkedHashSet<>()).add(row.direction());
        });
        for (int i = 0; i < ops.size(); i++) {
            RowContent proposed = ops.get(i).after();
            if (proposed == null) {
                continue;
            }
            Map<String, Integer> directions = counts.get(processKeys.get(proposed.process()));
            int rowsOfProcess =
                    directions.values().stream().mapToInt(Integer::intValue).sum();
            if (rowsOfProcess > 1 && directions.getOrDefault(Text.key(proposed.direction()), 0) < 2) {
                Set<String> others = new LinkedHashSet<>(written.get(processKeys.get(proposed.process())));
                others.remove(proposed.direction());
                String expected = String.join(
                        ", ", others.stream().map(d -> "«" + d + "»").toList());
                throw Violations.invalid(
                        RowRules.DIRECTION_FOLLOWS_THE_PROCESS,
                        "Операция " + (i + 1) + ": процесс «"
                                + proposed.process() + "» относится к направлению " + expected
                                + ": направление строки определяется её процессом",
                        List.of(new FieldError(
                                prefix(i) + "row.direction",
                                "Для этого процесса направление деятельности: " + expected)));
            }
        }
    }

    /**
     * oneTouchpointPerProcess ({@link ChangeRules#oneTouchpointPerProcess}) on the register as it would stand after
     * the package: no proposed row repeats a touchpoint of the process that stays in the register (rows the package
     * edits or removes do not stay), nor one another operation of the package proposes, nor one another open change
     * proposes — except where the package merges duplicates the register already has
     * ({@link MergeRules#mergedKeys}, rule {@code aMergeOfDuplicatesLeavesFewerCopies}): then the kept row may stand
     * beside copies that stay, for the register is left with fewer of them.
     */
    static void oneTouchpointPerProcess(
            Map<String, String> touchpointKeysByRow,
            Collection<Change> openChanges,
            List<RowChange> ops,
            String changeId) {
        Set<String> merged = MergeRules.mergedKeys(touchpointKeysByRow, ops);
        Set<String> replaced = new HashSet<>();
        for (RowChange op : ops) {
            if (op.kind() != ChangeKind.ADD) {
                replaced.add(op.rowId());
            }
        }
        Map<String, String> staying = new HashMap<>();
        touchpointKeysByRow.forEach((rowId, key) -> {
            if (!replaced.contains(rowId)) {
                staying.putIfAbsent(key, rowId);
            }
        });
        Map<String, String> proposedElsewhere = new HashMap<>();
        for (Change other : openChanges) {
            if (!other.id().equals(changeId)) {
                other.proposedTouchpointKeys().forEach(key -> proposedElsewhere.putIfAbsent(key, other.id()));
            }
        }
        Map<String, Integer> inThePackage = new HashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            RowContent proposed = ops.get(i).after();
            if (proposed == null) {
                continue;
            }
            String key = proposed.touchpointKey();
            String where = "Операция " + (i + 1) + ": точка взаимодействия «"
                    + proposed.touchpoint().name() + "»";
            String message = null;
            if (staying.containsKey(key) && !merged.contains(key)) {
                message = where + " уже указана в процессе «" + proposed.process() + "» (строка " + staying.get(key)
                        + "): одна точка указывается в процессе один раз, со всеми потребностями";
            } else if (inThePackage.containsKey(key) && !merged.contains(key)) {
                message = where + " в процессе «" + proposed.process() + "» уже предложена операцией "
                        + (inThePackage.get(key) + 1) + " этого пакета";
            } else if (proposedElsewhere.containsKey(key)) {
                message = where + " в процессе «" + proposed.process() + "» уже предложена изменением "
                        + proposedElsewhere.get(key);
            }
            if (message != null) {
                throw new RuleViolatedException(new RuleViolation(
                        "oneTouchpointPerProcess",
                        org.touchpoints.register.api.rule.Refusal.CONFLICT,
                        message,
                        List.of(new FieldError(prefix(i) + "row.touchpoint.name", message))));
            }
            inThePackage.put(key, i);
        }
    }

    /** The register's rows as they would stand after the package (an edit keeps its place, an addition goes last). */
    static Map<String, RowContent> afterThePackage(Map<String, RowContent> rows, List<RowChange> ops) {
        Map<String, RowContent> after = new java.util.LinkedHashMap<>(rows);
        for (RowChange op : ops) {
            switch (op.kind()) {
                case ADD, EDIT -> after.put(op.rowId(), op.after());
                case REMOVE -> after.remove(op.rowId());
                case PACKAGE -> throw new IllegalArgumentException("An operation is ADD, EDIT or REMOVE");
            }
        }
        return after;
    }

    /**
     * Runs a single-row rule for operation {@code i}: its refusal names the operation — the message begins with
     * «Операция N», its field errors are under {@code operations[i].}, and a refusal without field errors gets one on
     * {@code field} (under the same prefix).
     */
    static <T> T inOperation(int i, String field, java.util.function.Supplier<T> rule) {
        try {
            return rule.get();
        } catch (RuleViolatedException e) {
            throw named(i, field, e);
        }
    }

    static void inOperation(int i, String field, Runnable rule) {
        inOperation(i, field, () -> {
            rule.run();
            return null;
        });
    }

    /** The refusal {@code e} of a single-row rule, as a refusal of operation {@code i} of a package. */
    static RuleViolatedException named(int i, String field, RuleViolatedException e) {
        RuleViolation v = e.violation();
        String message = "Операция " + (i + 1) + ": " + v.message();
        List<FieldError> errors = v.errors().isEmpty()
                ? List.of(new FieldError(prefix(i) + field, message))
                : v.errors().stream()
                        .map(f -> new FieldError(prefix(i) + f.field(), f.message()))
                        .toList();
        return new RuleViolatedException(new RuleViolation(v.rule(), v.refusal(), message, errors));
    }
}
