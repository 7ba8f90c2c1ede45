package org.touchpoints.register.api.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How groups are numbered: as the authority's file numbered them, new groups after the last. */
class RegisterLayoutTest {
    private static final String INFORMING = "Информирование";
    private static final String CONSULTING = "Консультирование";
    private static final String VISIT = "Профилактический визит";

    private static RegisterRow row(String id, String direction, String process, String touchpoint, Integer groupNo) {
        return new RegisterRow(
                id,
                new RowContent(
                        direction,
                        process,
                        new Touchpoint(touchpoint, Channel.DIGITAL, null),
                        List.of(1),
                        null,
                        "Получение информации",
                        "Цифровая точка",
                        null),
                groupNo);
    }

    private static List<Integer> numbers(Template template, List<RegisterRow> rows) {
        return RegisterLayout.layOut(template, rows).stream()
                .map(RegisterLayout.Line::groupNo)
                .toList();
    }

    private static List<String> ids(Template template, List<RegisterRow> rows) {
        return RegisterLayout.layOut(template, rows).stream()
                .map(l -> l.row().rowId())
                .toList();
    }

    @Test
    void aFiveColumnRegisterKeepsTheNumbersOfItsFile() {
        // seed 004 numbers its processes 1, 2, 3 in the order of the table; the file could as well skip a number
        List<RegisterRow> rows = List.of(
                row("a", INFORMING, INFORMING, "Сайт", 1),
                row("b", INFORMING, INFORMING, "Почта", 1),
                row("c", CONSULTING, CONSULTING, "Телефон", 2),
                row("d", VISIT, VISIT, "ВКС", 5));
        assertThat(numbers(Template.FIVE_COLUMN, rows)).containsExactly(1, 1, 2, 5);
    }

    @Test
    void aNewProcessIsNumberedAfterTheLastAndRenumbersNothing() {
        // the new row was proposed with a canonical direction: it used to jump to № 1 ahead of «Информирование»
        List<RegisterRow> rows = List.of(
                row("a", INFORMING, INFORMING, "Сайт", 1),
                row("b", CONSULTING, CONSULTING, "Телефон", 2),
                row("new", "Государственный контроль (надзор)", "Досудебное обжалование", "ЕПГУ", null),
                row("new2", null, "Обучение", "Вебинар", null));
        assertThat(numbers(Template.FIVE_COLUMN, rows)).containsExactly(1, 2, 3, 4);
        assertThat(ids(Template.FIVE_COLUMN, rows)).containsExactly("a", "b", "new", "new2");
    }

    @Test
    void aNewRowOfANumberedProcessJoinsItsGroup() {
        List<RegisterRow> numbered = RegisterLayout.numbered(
                Template.FIVE_COLUMN,
                List.of(
                        row("a", INFORMING, INFORMING, "Сайт", null),
                        row("b", CONSULTING, CONSULTING, "Телефон", null),
                        row("c", null, "информирование ", "Telegram", null)),
                Map.of(Text.key(INFORMING), 1, Text.key(CONSULTING), 2));
        assertThat(ids(Template.FIVE_COLUMN, numbered)).containsExactly("a", "c", "b");
        assertThat(numbers(Template.FIVE_COLUMN, numbered)).containsExactly(1, 1, 2);
    }

    @Test
    void aFiveColumnRegisterWithoutNumbersIsNumberedByProcessInTheOrderProcessesCame() {
        List<RegisterRow> rows = List.of(
                row("a", INFORMING, INFORMING, "Сайт", null),
                row("b", "Предоставление государственных услуг", CONSULTING, "Телефон", null));
        assertThat(numbers(Template.FIVE_COLUMN, rows)).containsExactly(1, 2);
        // before: grouped by the hidden direction, the canonical one first
        assertThat(RegisterLayout.layOutByDirectionRank(rows).stream()
                        .map(l -> l.row().rowId())
                        .toList())
                .containsExactly("b", "a");
    }

    @Test
    void aSixColumnRegisterWithoutTheFilesNumbersIsNumberedByDirectionAsBefore() {
        List<RegisterRow> rows = List.of(
                row("a", "Рассмотрение обращений и запросов", "Обращения", "Сайт", null),
                row("b", "Предоставление государственных услуг", "Лицензирование", "ЕПГУ", null));
        assertThat(ids(Template.SIX_COLUMN, rows)).containsExactly("b", "a");
        assertThat(RegisterLayout.layOut(Template.SIX_COLUMN, rows))
                .isEqualTo(RegisterLayout.layOutByDirectionRank(rows));
    }

    @Test
    void aSixColumnFileNumberedOtherwiseKeepsItsNumbersAndANewDirectionComesLast() {
        List<RegisterRow> file = List.of(
                row("a", "Рассмотрение обращений и запросов", "Обращения", "Сайт", 1),
                row("b", "Предоставление государственных услуг", "Лицензирование", "ЕПГУ", 2));
        List<RegisterRow> kept = RegisterLayout.numbersTheFileGave(Template.SIX_COLUMN, file);
        assertThat(kept).extracting(RegisterRow::groupNo).containsExactly(1, 2);
        List<RegisterRow> withNew = new java.util.ArrayList<>(kept);
        withNew.add(row("n", "Государственный контроль (надзор)", "Проверки", "ЕРКНМ", null));
        assertThat(ids(Template.SIX_COLUMN, withNew)).containsExactly("a", "b", "n");
        assertThat(numbers(Template.SIX_COLUMN, withNew)).containsExactly(1, 2, 3);
    }

    @Test
    void aSixColumnFileNumberedByDirectionKeepsNoNumbersOfItsOwn() {
        // the seed-000 register: its № are exactly the direction numbering, so nothing is recorded and nothing changes
        List<RegisterRow> file = List.of(
                row("a", "Предоставление государственных услуг", "Лицензирование", "ЕПГУ", 1),
                row("b", "Рассмотрение обращений и запросов", "Обращения", "Сайт", 2));
        assertThat(RegisterLayout.numbersTheFileGave(Template.SIX_COLUMN, file))
                .extracting(RegisterRow::groupNo)
                .containsOnlyNulls();
        assertThat(RegisterLayout.numbersTheFileGave(Template.FIVE_COLUMN, file))
                .extracting(RegisterRow::groupNo)
                .containsExactly(1, 2);
    }

    @Test
    void aFileWithARowWithoutANumberKeepsNone() {
        List<RegisterRow> file =
                List.of(row("a", INFORMING, INFORMING, "Сайт", 1), row("b", CONSULTING, CONSULTING, "Телефон", null));
        assertThat(RegisterLayout.numbersTheFileGave(Template.FIVE_COLUMN, file))
                .extracting(RegisterRow::groupNo)
                .containsOnlyNulls();
    }

    @Test
    void aFiveColumnVersionPublishedWithTheDirectionLayoutStillVerifies() {
        List<RegisterRow> rows = List.of(
                row("a", INFORMING, INFORMING, "Сайт", null),
                row("b", "Предоставление государственных услуг", CONSULTING, "Телефон", null));
        StringBuilder before = new StringBuilder(String.join(",", Template.FIVE_COLUMN.headers())).append("\r\n");
        before.append("1,Консультирование,Телефон,Получение информации,Цифровая точка\r\n");
        before.append("2,Информирование,Сайт,Получение информации,Цифровая точка\r\n");
        String sha = RegisterCsv.sha256(before.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(RegisterCsv.isTheHashOf(sha, Template.FIVE_COLUMN, rows)).isTrue();
        assertThat(RegisterCsv.isTheHashOf(sha, Template.SIX_COLUMN, rows)).isFalse();
        // the version's CSV is served as it was published, so a downloaded copy still matches its hash
        assertThat(new String(RegisterCsv.renderAsPublished(Template.FIVE_COLUMN, rows, sha), StandardCharsets.UTF_8))
                .isEqualTo(before.toString());
        assertThat(RegisterCsv.renderAsPublished(Template.FIVE_COLUMN, rows, "0".repeat(64)))
                .isEqualTo(RegisterCsv.render(Template.FIVE_COLUMN, rows));
        assertThat(new String(RegisterCsv.render(Template.FIVE_COLUMN, rows), StandardCharsets.UTF_8))
                .contains("1,Информирование,Сайт")
                .contains("2,Консультирование,Телефон");
    }
}
