package org.touchpoints.register.query.deadline;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The overview chart of the dashboard: changes published on time and late per month, as the geometry of a
 * server-rendered SVG bar chart (stacked bars, on time below, late above). No script draws it.
 */
public record PublicationChart(
        int width,
        int height,
        int baseline,
        List<Bar> bars,
        List<Tick> ticks,
        int onTime,
        int late,
        String description) {

    /** One month: its bar segments (y from the top, heights in pixels) and its labels. */
    public record Bar(
            YearMonth month,
            String label,
            String fullLabel,
            int x,
            int barWidth,
            int onTime,
            int late,
            int onTimeY,
            int onTimeHeight,
            int lateY,
            int lateHeight,
            int textX,
            int totalY) {
        public int total() {
            return onTime + late;
        }
    }

    /** A horizontal grid line with its value. */
    public record Tick(int value, int y) {}

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final int WIDTH = 760;
    private static final int HEIGHT = 260;
    private static final int LEFT = 40;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    /**
     * @param deadlines the dashboard's changes (already scoped by register and division)
     * @param last      the last month shown
     * @param months    how many months, ending with {@code last}
     */
    public static PublicationChart of(List<DeadlineBoard.DeadlineView> deadlines, YearMonth last, int months) {
        java.util.Map<YearMonth, long[]> perMonth = new java.util.HashMap<>();
        for (DeadlineBoard.DeadlineView d : deadlines) {
            if (d.publishedOn() == null || d.dueDateUnknown() != null) {
                continue;
            }
            perMonth.computeIfAbsent(YearMonth.from(d.publishedOn()), m -> new long[2])[
                    d.status() == PublicationDeadline.Status.PUBLISHED_LATE ? 1 : 0]++;
        }
        return of(perMonth, last, months);
    }

    /**
     * @param perMonth publications on time (index 0) and late (index 1) per month, as the database counts them
     *                 ({@link DeadlineBoard#summary}); months outside the chart are left out
     * @param last     the last month shown
     * @param months   how many months, ending with {@code last}
     */
    public static PublicationChart of(java.util.Map<YearMonth, long[]> perMonth, YearMonth last, int months) {
        YearMonth first = last.minusMonths(months - 1L);
        int[] onTime = new int[months];
        int[] late = new int[months];
        perMonth.forEach((m, counts) -> {
            if (!m.isBefore(first) && !m.isAfter(last)) {
                int i = (int) first.until(m, java.time.temporal.ChronoUnit.MONTHS);
                onTime[i] += (int) counts[0];
                late[i] += (int) counts[1];
            }
        });
        int max = 1;
        for (int i = 0; i < months; i++) {
            max = Math.max(max, onTime[i] + late[i]);
        }
        int plot = HEIGHT - TOP - BOTTOM;
        int baseline = TOP + plot;
        int slot = (WIDTH - LEFT - 10) / months;
        int barWidth = slot * 3 / 5;
        List<Bar> bars = new ArrayList<>(months);
        int totalOnTime = 0;
        int totalLate = 0;
        for (int i = 0; i < months; i++) {
            YearMonth m = first.plusMonths(i);
            int x = LEFT + i * slot + (slot - barWidth) / 2;
            int onTimeHeight = onTime[i] * plot / max;
            int lateHeight = late[i] * plot / max;
            int onTimeY = baseline - onTimeHeight;
            int lateY = onTimeY - lateHeight;
            bars.add(new Bar(
                    m,
                    m.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, RU) + " " + (m.getYear() % 100),
                    m.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, RU) + " " + m.getYear(),
                    x,
                    barWidth,
                    onTime[i],
                    late[i],
                    onTimeY,
                    onTimeHeight,
                    lateY,
                    lateHeight,
                    x + barWidth / 2,
                    lateY - 4));
            totalOnTime += onTime[i];
            totalLate += late[i];
        }
        List<Tick> ticks = new ArrayList<>();
        for (int value : max < 4 ? rangeTo(max) : List.of(0, max / 2, max)) {
            ticks.add(new Tick(value, baseline - value * plot / max));
        }
        String description = "Изменения перечней, опубликованные в срок и с опозданием, по месяцам ("
                + bars.get(0).fullLabel() + " — " + bars.get(months - 1).fullLabel() + "): всего в срок " + totalOnTime
                + ", с опозданием " + totalLate + ".";
        return new PublicationChart(WIDTH, HEIGHT, baseline, bars, ticks, totalOnTime, totalLate, description);
    }

    private static List<Integer> rangeTo(int max) {
        List<Integer> values = new ArrayList<>();
        for (int v = 0; v <= max; v++) {
            values.add(v);
        }
        return values;
    }
}
