package org.touchpoints.register.command.register;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.RowChange;

/**
 * Merging duplicates (000 §2.8: one touchpoint appears once per process, with every need met there). A register may
 * hold a touchpoint twice in one process — the real 000 register does, and its import keeps what the authority
 * approved — and every single edit of such a row is refused by {@code oneTouchpointPerProcess}, the rule the rows
 * already break. A package that merges them is the one change that rule lets through while a copy stays.
 */
final class MergeRules {
    /** The rule's name, as tests and reports call it. */
    static final String A_MERGE_LEAVES_FEWER_COPIES = "aMergeOfDuplicatesLeavesFewerCopies";

    private MergeRules() {}

    /**
     * aMergeOfDuplicatesLeavesFewerCopies: the touchpoint keys (process and touchpoint, {@code RowContent#touchpointKey})
     * that this package merges — keys that stand in more than one row of the register now, that the package leaves in
     * fewer rows than before, and that it proposes only by editing rows that already have that key (the row kept, with
     * the union of the copies' needs). For such a key {@code oneTouchpointPerProcess} does not refuse the kept row for
     * the copies that stay or for another kept row of the package: the register ends with fewer violations than it had.
     * Any other proposal of a duplicate — adding it again, editing another row into it, or an edit that leaves as many
     * copies as before — is not a merge, and the rule refuses it as ever.
     *
     * @param touchpointKeysByRow the register's rows now: row id → touchpoint key
     * @param ops                 the package's operations as recorded ({@code before}/{@code after} filled in)
     */
    static Set<String> mergedKeys(Map<String, String> touchpointKeysByRow, List<RowChange> ops) {
        Map<String, Integer> before = new HashMap<>();
        touchpointKeysByRow.values().forEach(key -> before.merge(key, 1, Integer::sum));
        Map<String, String> afterByRow = new HashMap<>(touchpointKeysByRow);
        Set<String> proposed = new HashSet<>();
        Set<String> notByEditOfACopy = new HashSet<>();
        for (RowChange op : ops) {
            switch (op.kind()) {
                case ADD, EDIT -> {
                    String key = op.after().touchpointKey();
                    afterByRow.put(op.rowId(), key);
                    proposed.add(key);
                    if (op.kind() == ChangeKind.ADD || !key.equals(touchpointKeysByRow.get(op.rowId()))) {
                        notByEditOfACopy.add(key);
                    }
                }
                case REMOVE -> afterByRow.remove(op.rowId());
                case PACKAGE -> throw new IllegalArgumentException("An operation is ADD, EDIT or REMOVE");
            }
        }
        Map<String, Integer> after = new HashMap<>();
        afterByRow.values().forEach(key -> after.merge(key, 1, Integer::sum));
        Set<String> merged = new HashSet<>();
        for (String key : proposed) {
            int copies = before.getOrDefault(key, 0);
            if (copies > 1 && after.getOrDefault(key, 0) < copies && !notByEditOfACopy.contains(key)) {
                merged.add(key);
            }
        }
        return merged;
    }
}
