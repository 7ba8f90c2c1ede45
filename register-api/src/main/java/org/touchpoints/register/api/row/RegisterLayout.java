package org.touchpoints.register.api.row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a register is laid out: rows in numbered groups, processes in order of first appearance inside their group,
 * rows in the order they entered the register. A group is a direction of activity in the six-column template and a
 * process in the five-column one (which has no direction column).
 *
 * <p>Numbers: a register formed from its file keeps the file's № ({@link RegisterRow#groupNo}, attached by
 * {@link #numbered}); a group the file did not have (a new process, a new direction) is numbered after the last, in
 * the order it entered the register, so a new process never renumbers approved ones. A six-column register without
 * the file's numbers is numbered by direction as it always was: the canonical order of directions, then first
 * appearance ({@link #layOutByDirectionRank}).
 *
 * <p>Both the command side (for the published content's hash) and the query side (for display and export) use this
 * one function, so what is hashed is what is shown.
 */
public final class RegisterLayout {
    private RegisterLayout() {}

    public record Line(int groupNo, RegisterRow row) {}

    /** The layout of a six-column register: {@link #layOut(Template, List)} with {@link Template#SIX_COLUMN}. */
    public static List<Line> layOut(List<RegisterRow> rowsInEntryOrder) {
        return layOut(Template.SIX_COLUMN, rowsInEntryOrder);
    }

    /** @param rowsInEntryOrder rows in the order they entered the register, with the file's numbers attached */
    public static List<Line> layOut(Template template, List<RegisterRow> rowsInEntryOrder) {
        boolean numberedByFile = rowsInEntryOrder.stream().anyMatch(r -> r.groupNo() != null);
        if (template != Template.FIVE_COLUMN && !numberedByFile) {
            return layOutByDirectionRank(rowsInEntryOrder);
        }
        int n = rowsInEntryOrder.size();
        int last = 0;
        Map<String, Integer> numberOf = new HashMap<>();
        for (RegisterRow r : rowsInEntryOrder) {
            if (r.groupNo() != null) {
                numberOf.putIfAbsent(groupKey(template, r.content()), r.groupNo());
                last = Math.max(last, r.groupNo());
            }
        }
        int[] group = new int[n];
        int[] process = new int[n];
        Map<String, Integer> processFirstSeen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            RegisterRow r = rowsInEntryOrder.get(i);
            String key = groupKey(template, r.content());
            Integer number = r.groupNo() != null ? r.groupNo() : numberOf.get(key);
            if (number == null) {
                number = ++last;
                numberOf.put(key, number);
            }
            group[i] = number;
            process[i] = processFirstSeen.computeIfAbsent(
                    key + "\u0000" + Text.key(r.content().process()), k -> processFirstSeen.size());
        }
        return sorted(rowsInEntryOrder, group, process);
    }

    /**
     * The layout of every register before the file's numbers were kept: groups by direction (canonical order, then
     * first appearance), processes in order of first appearance. Six-column registers without the file's numbers
     * still use it; for a five-column version published then it is the layout whose hash was recorded.
     */
    public static List<Line> layOutByDirectionRank(List<RegisterRow> rowsInEntryOrder) {
        int n = rowsInEntryOrder.size();
        String[] directionKeys = new String[n];
        String[] processKeys = new String[n];
        Map<String, Integer> directionFirstSeen = new LinkedHashMap<>();
        Map<String, Integer> processFirstSeen = new LinkedHashMap<>();
        Map<String, String> directionText = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            RowContent c = rowsInEntryOrder.get(i).content();
            directionKeys[i] = Text.key(c.direction());
            processKeys[i] = directionKeys[i] + "\u0000" + Text.key(c.process());
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
        for (int i = 0; i < n; i++) {
            group[i] = groupNo.get(directionKeys[i]);
            process[i] = processFirstSeen.get(processKeys[i]);
        }
        return sorted(rowsInEntryOrder, group, process);
    }

    private static List<Line> sorted(List<RegisterRow> rows, int[] group, int[] process) {
        List<Integer> order = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> group[i])
                .thenComparingInt(i -> process[i])
                .thenComparingInt(i -> i));
        List<Line> lines = new ArrayList<>(rows.size());
        for (int i : order) {
            lines.add(new Line(group[i], rows.get(i)));
        }
        return lines;
    }

    /** What a group is in the template: the direction of activity (six columns) or the process (five columns). */
    public static String groupKey(Template template, RowContent content) {
        return template == Template.FIVE_COLUMN ? Text.key(content.process()) : Text.key(content.direction());
    }

    /**
     * The rows with the register's numbering attached: each row gets the number of its group, when the file that
     * formed the register numbered that group.
     *
     * @param numbers group key ({@link #groupKey}) → the file's №
     */
    public static List<RegisterRow> numbered(
            Template template, List<RegisterRow> rowsInEntryOrder, Map<String, Integer> numbers) {
        if (numbers.isEmpty()) {
            return rowsInEntryOrder;
        }
        List<RegisterRow> out = new ArrayList<>(rowsInEntryOrder.size());
        for (RegisterRow r : rowsInEntryOrder) {
            out.add(r.withGroupNo(numbers.get(groupKey(template, r.content()))));
        }
        return out;
    }

    /**
     * The numbers of a file that forms a register, as the register keeps them: every group's № when the file numbers
     * every row (a blank № continues the group above) and its numbers are not those the layout would give anyway;
     * otherwise none (the rows come back without numbers), so a six-column file numbered by direction, as the
     * seed-000 register is, lays out exactly as before.
     */
    public static List<RegisterRow> numbersTheFileGave(Template template, List<RegisterRow> rowsInEntryOrder) {
        if (rowsInEntryOrder.isEmpty() || rowsInEntryOrder.stream().anyMatch(r -> r.groupNo() == null)) {
            return rowsInEntryOrder.stream().map(r -> r.withGroupNo(null)).toList();
        }
        List<RegisterRow> unnumbered =
                rowsInEntryOrder.stream().map(r -> r.withGroupNo(null)).toList();
        Map<String, Integer> computed = new HashMap<>();
        for (Line line : layOut(template, unnumbered)) {
            computed.put(line.row().rowId(), line.groupNo());
        }
        boolean same = rowsInEntryOrder.stream().allMatch(r -> r.groupNo().equals(computed.get(r.rowId())));
        return same && template != Template.FIVE_COLUMN ? unnumbered : rowsInEntryOrder;
    }
}
