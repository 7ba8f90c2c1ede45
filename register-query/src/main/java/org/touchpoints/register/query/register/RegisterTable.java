package org.touchpoints.register.query.register;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;

/**
 * A register laid out for a page the way its template prints it: the group number and direction cells merged over
 * their group's rows, the process cell over its process's rows. The cell texts are the export's
 * ({@link RegisterCsv#cells}), so the page shows what the published file shows.
 */
public final class RegisterTable {

    /** How a row of a past view differs from the register today. */
    public enum Diff {
        NONE,
        CHANGED,
        REMOVED,
        ADDED
    }

    /**
     * One printed line. {@code groupSpan}/{@code processSpan} are the rowspans of the merged cells on the first line
     * of their run and 0 on the lines they cover.
     */
    public record Line(
            String rowId,
            int groupNo,
            int groupSpan,
            String direction,
            String process,
            int processSpan,
            String touchpoint,
            String interaction,
            String features,
            String division,
            RowContent content,
            Diff diff) {}

    /** What the filter form asks for; blank fields do not filter. */
    public record Filter(String q, String direction, String process, String channel, Integer need, String division) {
        public boolean any() {
            return !Text.isBlank(q)
                    || !Text.isBlank(direction)
                    || !Text.isBlank(process)
                    || !Text.isBlank(channel)
                    || need != null
                    || !Text.isBlank(division);
        }

        Predicate<RegisterLayout.Line> predicate(Template template) {
            return line -> {
                RowContent c = line.row().content();
                if (!Text.isBlank(direction) && !Text.key(direction).equals(Text.key(c.direction()))) {
                    return false;
                }
                if (!Text.isBlank(process) && !Text.key(process).equals(Text.key(c.process()))) {
                    return false;
                }
                if (!Text.isBlank(channel)
                        && (c.touchpoint() == null
                                || c.touchpoint().channel() == null
                                || !c.touchpoint().channel().name().equals(channel))) {
                    return false;
                }
                if (need != null && (c.needs() == null || !c.needs().contains(need))) {
                    return false;
                }
                if (!Text.isBlank(division) && !division.equals(c.division())) {
                    return false;
                }
                if (!Text.isBlank(q)) {
                    String needle = q.strip().toLowerCase(Locale.ROOT);
                    return RegisterCsv.cells(template, line).stream()
                            .anyMatch(cell -> cell != null
                                    && cell.toLowerCase(Locale.ROOT).contains(needle));
                }
                return true;
            };
        }
    }

    private RegisterTable() {}

    /**
     * @param shown   the rows to show, in entry order (today's, or a past view)
     * @param today   today's rows in entry order, to mark how a past view differs; null when showing today
     */
    public static List<Line> lines(Template template, List<RegisterRow> shown, List<RegisterRow> today, Filter filter) {
        Map<String, RowContent> now = new HashMap<>();
        if (today != null) {
            today.forEach(r -> now.put(r.rowId(), r.content()));
        }
        List<RegisterLayout.Line> laidOut = RegisterLayout.layOut(template, shown).stream()
                .filter(filter.predicate(template))
                .toList();
        List<Line> lines = new ArrayList<>(laidOut.size());
        for (RegisterLayout.Line l : laidOut) {
            List<String> cells = RegisterCsv.cells(template, l);
            RowContent c = l.row().content();
            int offset = template == Template.SIX_COLUMN ? 1 : 0;
            Diff diff = today == null
                    ? Diff.NONE
                    : !now.containsKey(l.row().rowId())
                            ? Diff.REMOVED
                            : Objects.equals(now.get(l.row().rowId()), c) ? Diff.NONE : Diff.CHANGED;
            lines.add(new Line(
                    l.row().rowId(),
                    l.groupNo(),
                    0,
                    c.direction(),
                    cells.get(1 + offset),
                    0,
                    cells.get(2 + offset),
                    cells.get(3 + offset),
                    cells.get(4 + offset),
                    c.division(),
                    c,
                    diff));
        }
        return merged(lines);
    }

    /** Rows present today that a past view did not have yet. */
    public static List<Line> addedSince(Template template, List<RegisterRow> shown, List<RegisterRow> today) {
        var before = shown.stream().map(RegisterRow::rowId).collect(java.util.stream.Collectors.toSet());
        List<RegisterRow> added =
                today.stream().filter(r -> !before.contains(r.rowId())).toList();
        List<Line> lines = new ArrayList<>();
        for (Line l : lines(template, added, null, new Filter(null, null, null, null, null, null))) {
            lines.add(new Line(
                    l.rowId(),
                    l.groupNo(),
                    l.groupSpan(),
                    l.direction(),
                    l.process(),
                    l.processSpan(),
                    l.touchpoint(),
                    l.interaction(),
                    l.features(),
                    l.division(),
                    l.content(),
                    Diff.ADDED));
        }
        return lines;
    }

    private static List<Line> merged(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines);
        int i = 0;
        while (i < out.size()) {
            int group = out.get(i).groupNo();
            int end = i;
            while (end < out.size() && out.get(end).groupNo() == group) {
                end++;
            }
            int p = i;
            while (p < end) {
                String process = Text.key(out.get(p).process());
                int pEnd = p;
                while (pEnd < end && Text.key(out.get(pEnd).process()).equals(process)) {
                    pEnd++;
                }
                Line first = out.get(p);
                out.set(p, with(first, p == i ? end - i : 0, pEnd - p));
                p = pEnd;
            }
            i = end;
        }
        return out;
    }

    private static Line with(Line l, int groupSpan, int processSpan) {
        return new Line(
                l.rowId(),
                l.groupNo(),
                groupSpan,
                l.direction(),
                l.process(),
                processSpan,
                l.touchpoint(),
                l.interaction(),
                l.features(),
                l.division(),
                l.content(),
                l.diff());
    }
}
