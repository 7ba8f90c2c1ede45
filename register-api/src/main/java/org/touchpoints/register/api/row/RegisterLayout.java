package org.touchpoints.register.api.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a register is laid out: groups numbered by direction of activity (canonical order, then first
 * appearance), processes in order of first appearance, rows in the order they entered the register.
 * Both the command side (for the published content's hash) and the query side (for display and export)
 * use this one function, so what is hashed is what is shown.
 */
public final class RegisterLayout {
    private RegisterLayout() {
    }

    public record Line(int groupNo, RegisterRow row) {
    }

    /** @param rowsInEntryOrder rows in the order they entered the register */
    public static List<Line> layOut(List<RegisterRow> rowsInEntryOrder) {
        Map<String, Integer> directionFirstSeen = new LinkedHashMap<>();
        Map<String, Integer> processFirstSeen = new LinkedHashMap<>();
        for (int i = 0; i < rowsInEntryOrder.size(); i++) {
            RowContent c = rowsInEntryOrder.get(i).content();
            directionFirstSeen.putIfAbsent(Text.key(c.direction()), i);
            processFirstSeen.putIfAbsent(Text.key(c.direction()) + "\u0000" + Text.key(c.process()), i);
        }
        List<String> directions = new ArrayList<>();
        Map<String, String> directionText = new LinkedHashMap<>();
        for (RegisterRow r : rowsInEntryOrder) {
            directionText.putIfAbsent(Text.key(r.content().direction()), r.content().direction());
        }
        directions.addAll(directionFirstSeen.keySet());
        directions.sort(Comparator.<String>comparingInt(d -> Direction.rank(directionText.get(d)))
                .thenComparingInt(directionFirstSeen::get));
        Map<String, Integer> groupNo = new LinkedHashMap<>();
        for (int i = 0; i < directions.size(); i++) {
            groupNo.put(directions.get(i), i + 1);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rowsInEntryOrder.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> groupNo.get(Text.key(rowsInEntryOrder.get(i).content().direction())))
                .thenComparingInt(i -> processFirstSeen.get(processKey(rowsInEntryOrder.get(i).content())))
                .thenComparingInt(i -> i));
        List<Line> lines = new ArrayList<>(order.size());
        for (int i : order) {
            RegisterRow row = rowsInEntryOrder.get(i);
            lines.add(new Line(groupNo.get(Text.key(row.content().direction())), row));
        }
        return lines;
    }

    private static String processKey(RowContent c) {
        return Text.key(c.direction()) + "\u0000" + Text.key(c.process());
    }
}
