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
        int n = rowsInEntryOrder.size();
        String[] directionKeys = new String[n];
        String[] processKeys = new String[n];
        Map<String, Integer> directionFirstSeen = new LinkedHashMap<>();
        Map<String, Integer> processFirstSeen = new LinkedHashMap<>();
        Map<String, String> directionText = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            RowContent c = rowsInEntryOrder.get(i).content();
            directionKeys[i] = Text.key(c.direction());
            processKeys[i] = processKey(directionKeys[i], c);
            directionFirstSeen.putIfAbsent(directionKeys[i], i);
            processFirstSeen.putIfAbsent(processKeys[i], i);
            directionText.putIfAbsent(directionKeys[i], c.direction());
        }
        List<String> directions = new ArrayList<>(directionFirstSeen.keySet());
        directions.sort(Comparator.<String>comparingInt(d -> Direction.rank(directionText.get(d)))
                .thenComparingInt(directionFirstSeen::get));
        Map<String, Integer> groupNo = new LinkedHashMap<>();
        for (int i = 0; i < directions.size(); i++) {
            groupNo.put(directions.get(i), i + 1);
        }
        int[] group = new int[n];
        int[] process = new int[n];
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            group[i] = groupNo.get(directionKeys[i]);
            process[i] = processFirstSeen.get(processKeys[i]);
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> group[i]).thenComparingInt(i -> process[i])
                .thenComparingInt(i -> i));
        List<Line> lines = new ArrayList<>(n);
        for (int i : order) {
            lines.add(new Line(group[i], rowsInEntryOrder.get(i)));
        }
        return lines;
    }

    private static String processKey(String directionKey, RowContent c) {
        return directionKey + "\u0000" + Text.key(c.process());
    }
}
