package org.touchpoints.register.query.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void datesAreWrittenTheRussianWay() {
        assertThat(Words.date(LocalDate.of(2026, 11, 27))).isEqualTo("27.11.2026");
        assertThat(Words.dateTime(Instant.parse("2026-11-27T06:05:00Z"), ZoneId.of("Europe/Moscow")))
                .isEqualTo("27.11.2026 09:05");
    }

    @Test
    void theZonesOfTheRegistersAreNamedInWordsAndOthersByTheirId() {
        assertThat(Words.zone("Europe/Moscow")).isEqualTo("московское время");
        assertThat(Words.zone("Europe/Astrakhan")).startsWith("астраханское время");
        assertThat(Words.zone("Asia/Novosibirsk")).startsWith("новосибирское время");
        assertThat(Words.zone("Asia/Tokyo")).isEqualTo("Asia/Tokyo");
    }

    @Test
    void isoDatesInTheServicesOwnSentencesBecomeRussian() {
        assertThat(Words.isoDatesIn("Согласовано. Приказ № 15-п от 2026-11-27"))
                .isEqualTo("Согласовано. Приказ № 15-п от 27.11.2026");
        assertThat(Words.isoDatesIn("в 2026-11-27T09:00:00Z")).isEqualTo("в 2026-11-27T09:00:00Z");
        assertThat(Words.isoDate("2024-12-20")).isEqualTo("20.12.2024");
        assertThat(Words.isoDate("вчера")).isEqualTo("вчера");
    }
}
