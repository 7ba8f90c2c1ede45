package org.touchpoints.register.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.calendar.CalculateDueDateQuery;
import org.touchpoints.register.api.calendar.DueDate;

class DueDateQueryHandlerTest {
    private final DueDateQueryHandler handler = new DueDateQueryHandler(ProductionCalendar.bundled());

    @Test
    void answersTheDueDateOfAnApprovedChange() {
        // approved at 00:30 on Sat 28.12.2024 in Moscow (21:30Z on 27.12): made on the working Saturday, not
        // counted; 1 Thu 09.01, 2 10.01, 3 13.01, 4 14.01, 5 Wed 15.01
        DueDate due = handler.handle(
                new CalculateDueDateQuery(Instant.parse("2024-12-27T21:30:00Z"), 5, "Europe/Moscow", null));

        assertThat(due).isEqualTo(new DueDate(LocalDate.parse("2024-12-28"), LocalDate.parse("2025-01-15")));
    }

    @Test
    void usesTheRegionsOverlay() {
        // made Mon 10.06.2024 (Makhachkala): 1 Tue 11.06, 12.06 off, 2 Thu 13.06, 3 Fri 14.06,
        // Mon 17.06 off in Dagestan (Kurban Bayram), 4 Tue 18.06, 5 Wed 19.06
        DueDate due = handler.handle(
                new CalculateDueDateQuery(Instant.parse("2024-06-10T09:00:00Z"), 5, "Europe/Moscow", "RU-DA"));

        assertThat(due.dueDate()).isEqualTo(LocalDate.parse("2024-06-19"));
    }

    @Test
    void refusesAMalformedQuery() {
        assertThatThrownBy(() -> handler.handle(new CalculateDueDateQuery(Instant.now(), 10, "Moscow", null)))
                .isInstanceOf(CalendarArgumentException.class)
                .extracting(e -> ((CalendarArgumentException) e).field()).isEqualTo("zone");
        assertThatThrownBy(() -> handler.handle(new CalculateDueDateQuery(null, 10, "Europe/Moscow", null)))
                .isInstanceOf(CalendarArgumentException.class);
        assertThatThrownBy(() -> handler.handle(
                new CalculateDueDateQuery(Instant.parse("2025-01-10T09:00:00Z"), 0, "Europe/Moscow", null)))
                .isInstanceOf(CalendarArgumentException.class);
    }
}
