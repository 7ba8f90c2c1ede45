package org.touchpoints.register.query.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.query.deadline.PublicationDeadline.Status;

class DeadlinePageTest {
    private static final LocalDate DUE = LocalDate.of(2025, 1, 14);

    private static DeadlineBoard.DeadlineView deadline(Status status, Integer left, LocalDate publishedOn) {
        return new DeadlineBoard.DeadlineView(
                "c", "r", "licensing", LocalDate.of(2024, 12, 20), DUE, left, status, publishedOn);
    }

    @Test
    void workingDaysAreCountedInRussian() {
        assertThat(DeadlinePage.workingDays(1)).isEqualTo("1 рабочий день");
        assertThat(DeadlinePage.workingDays(3)).isEqualTo("3 рабочих дня");
        assertThat(DeadlinePage.workingDays(5)).isEqualTo("5 рабочих дней");
        assertThat(DeadlinePage.workingDays(11)).isEqualTo("11 рабочих дней");
        assertThat(DeadlinePage.workingDays(21)).isEqualTo("21 рабочий день");
        assertThat(DeadlinePage.workingDays(112)).isEqualTo("112 рабочих дней");
    }

    @Test
    void theDaysColumnSaysWhatIsLeftOrHowLateItIs() {
        assertThat(DeadlinePage.daysText(deadline(Status.PENDING, 7, null))).isEqualTo("осталось 7 рабочих дней");
        assertThat(DeadlinePage.daysText(deadline(Status.AT_RISK, 1, null))).isEqualTo("остался 1 рабочий день");
        assertThat(DeadlinePage.daysText(deadline(Status.AT_RISK, 0, null))).isEqualTo("срок сегодня");
        assertThat(DeadlinePage.daysText(deadline(Status.OVERDUE, -14, null)))
                .isEqualTo("просрочено на 14 рабочих дней");
        assertThat(DeadlinePage.daysText(deadline(Status.OVERDUE, 0, null))).isEqualTo("просрочено: срок истёк");
        assertThat(DeadlinePage.daysText(deadline(Status.PUBLISHED_LATE, -2, DUE.plusDays(2))))
                .isEqualTo("опубликовано с опозданием на 2 рабочих дня");
        assertThat(DeadlinePage.daysText(deadline(Status.PUBLISHED_ON_TIME, 3, DUE.minusDays(3))))
                .isEqualTo("опубликовано в срок");
        assertThat(DeadlinePage.daysText(deadline(Status.PENDING, null, null))).contains("календарь");
    }

    @Test
    void theChartStacksLateOverOnTimePerMonthOfPublication() {
        List<DeadlineBoard.DeadlineView> deadlines = List.of(
                deadline(Status.PUBLISHED_ON_TIME, 1, LocalDate.of(2025, 1, 13)),
                deadline(Status.PUBLISHED_LATE, -1, LocalDate.of(2025, 1, 15)),
                deadline(Status.PUBLISHED_ON_TIME, 1, LocalDate.of(2025, 3, 3)),
                deadline(Status.PUBLISHED_ON_TIME, 1, LocalDate.of(2023, 3, 3)), // before the chart's months
                deadline(Status.OVERDUE, -3, null));

        PublicationChart chart = PublicationChart.of(deadlines, YearMonth.of(2025, 3), 12);

        assertThat(chart.bars()).hasSize(12);
        assertThat(chart.bars().get(0).month()).isEqualTo(YearMonth.of(2024, 4));
        PublicationChart.Bar january = chart.bars().get(9);
        assertThat(january.fullLabel()).isEqualTo("январь 2025");
        assertThat(january.onTime()).isEqualTo(1);
        assertThat(january.late()).isEqualTo(1);
        assertThat(january.lateY() + january.lateHeight())
                .as("late sits on top of on time")
                .isEqualTo(january.onTimeY());
        assertThat(january.onTimeY() + january.onTimeHeight()).isEqualTo(chart.baseline());
        assertThat(chart.bars().get(11).total()).isEqualTo(1);
        assertThat(chart.onTime()).isEqualTo(2);
        assertThat(chart.late()).isEqualTo(1);
        assertThat(chart.description()).contains("всего в срок 2, с опозданием 1");
    }
}
