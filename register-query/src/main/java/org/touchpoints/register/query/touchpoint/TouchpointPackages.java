package org.touchpoints.register.query.touchpoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.change.PackageOperation;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;

/**
 * The change packages the catalogue page proposes; the register decides them as any other package (every rule on the
 * register as it would stand after the package).
 */
final class TouchpointPackages {

    /** A merge of one touchpoint's copies in one process: the row kept, as it will stand, and the rows removed. */
    record Merge(String keptRowId, RowContent kept, List<String> removed, List<PackageOperation> operations) {}

    private TouchpointPackages() {}

    /**
     * The touchpoint renamed or readdressed in each of {@code rows}: one EDIT per row, the touchpoint's channel and type
     * kept, every other cell of the row as it stands.
     */
    static List<PackageOperation> changeEverywhere(List<RegisterRow> rows, String name, String address) {
        List<PackageOperation> ops = new ArrayList<>();
        for (RegisterRow r : rows) {
            RowContent c = r.content();
            Touchpoint t = c.touchpoint();
            Touchpoint changed = new Touchpoint(name, t.channel(), Text.isBlank(address) ? null : address, t.type());
            ops.add(new PackageOperation(
                    ChangeKind.EDIT,
                    r.rowId(),
                    new RowContent(
                            c.direction(),
                            c.process(),
                            changed,
                            c.needs(),
                            c.otherNeed(),
                            c.interaction(),
                            c.features(),
                            c.division())));
        }
        return ops;
    }

    /**
     * The copies merged into the first of them (in the register's order): it keeps its touchpoint, direction, process
     * and features and takes the union of every copy's needs, their interaction texts (each once, in order) and free
     * texts of need 10; the other copies are removed. When the first row already says everything, it is not edited.
     */
    static Merge merge(List<RegisterRow> copies) {
        RegisterRow first = copies.get(0);
        RowContent c = first.content();
        TreeSet<Integer> needs = new TreeSet<>();
        Map<String, String> interactions = new LinkedHashMap<>();
        Map<String, String> otherNeeds = new LinkedHashMap<>();
        for (RegisterRow r : copies) {
            needs.addAll(r.content().needs());
            if (!Text.isBlank(r.content().interaction())) {
                interactions.putIfAbsent(
                        Text.key(r.content().interaction()),
                        r.content().interaction().strip());
            }
            if (!Text.isBlank(r.content().otherNeed())) {
                otherNeeds.putIfAbsent(
                        Text.key(r.content().otherNeed()),
                        r.content().otherNeed().strip());
            }
        }
        RowContent kept = new RowContent(
                c.direction(),
                c.process(),
                c.touchpoint(),
                List.copyOf(needs),
                otherNeeds.isEmpty() ? null : String.join("; ", otherNeeds.values()),
                interactions.isEmpty() ? null : String.join("; ", interactions.values()),
                c.features(),
                c.division());
        List<PackageOperation> ops = new ArrayList<>();
        if (!Objects.equals(kept, c)) {
            ops.add(new PackageOperation(ChangeKind.EDIT, first.rowId(), kept));
        }
        List<String> removed = new ArrayList<>();
        for (RegisterRow r : copies.subList(1, copies.size())) {
            removed.add(r.rowId());
            ops.add(new PackageOperation(ChangeKind.REMOVE, r.rowId(), null));
        }
        return new Merge(first.rowId(), kept, List.copyOf(removed), List.copyOf(ops));
    }
}
