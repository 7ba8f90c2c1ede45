package org.touchpoints.register.query.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.change.ChangeKind;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Touchpoint;

class ChangeFormTest {

    private static ChangeForm typed(
            String process, String newProcess, List<String> needs, String otherNeed, String channel) {
        return new ChangeForm(
                "c-1",
                "ADD",
                null,
                "Предоставление государственных услуг",
                process,
                newProcess,
                "Сайт",
                " ",
                channel,
                needs,
                otherNeed,
                "",
                null,
                "licensing",
                "NEW_TOUCHPOINT",
                null);
    }

    @Test
    void freeTextOfOtherNeedsTicksNeedTenAndBlankTextsAreLeftToTheRegister() {
        RowContent row = typed("Процесс", null, List.of("2", "1"), "Запись на приём", "DIGITAL")
                .row();
        assertThat(row.needs()).containsExactly(1, 2, 10);
        assertThat(row.otherNeed()).isEqualTo("Запись на приём");
        assertThat(row.touchpoint()).isEqualTo(new Touchpoint("Сайт", Channel.DIGITAL, null));
        assertThat(row.interaction()).isNull();
    }

    @Test
    void aNewProcessIsTakenFromItsOwnFieldAndUnknownValuesReachTheRegisterAsInvalid() {
        RowContent row = typed(ChangeForm.NEW_PROCESS, "Новый процесс", List.of("x"), null, "SATELLITE")
                .row();
        assertThat(row.process()).isEqualTo("Новый процесс");
        assertThat(row.needs()).containsExactly(-1); // the register refuses it under row.needs
        assertThat(row.touchpoint().channel()).isNull(); // refused under row.touchpoint.channel
        assertThat(typed("П", null, null, null, null).reasonValue()).isNotNull();
        assertThat(new ChangeForm(
                                null,
                                "MOVE",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "WHATEVER",
                                null)
                        .reasonValue())
                .isNull();
    }

    @Test
    void anEditStartsFromTheRowButLeavesTheTextsTheRegisterDerivedBlank() {
        RowContent derived = new RowContent(
                "Направление",
                "Процесс",
                new Touchpoint("Сайт", Channel.DIGITAL, "https://x"),
                List.of(1, 2),
                null,
                "Получение информации, Получение консультации",
                "Взаимодействие в цифровой точке",
                "licensing");
        ChangeForm form = ChangeForm.of(ChangeKind.EDIT, "c-2", new RegisterRow("row-1", derived));
        assertThat(form.rowId()).isEqualTo("row-1");
        assertThat(form.needCodes()).containsExactly(1, 2);
        assertThat(form.interaction()).isNull();
        assertThat(form.features()).isNull();
        assertThat(form.touchpointAddress()).isEqualTo("https://x");

        RowContent written = new RowContent(
                "Направление",
                "Процесс",
                new Touchpoint("Телефон", Channel.OFFLINE, null),
                List.of(10),
                "Приём документов",
                "Приём документов",
                "Только по записи",
                "licensing");
        ChangeForm kept = ChangeForm.of(ChangeKind.EDIT, "c-3", new RegisterRow("row-2", written));
        assertThat(kept.interaction()).isEqualTo("Приём документов");
        assertThat(kept.otherNeed()).isNull(); // it was the interaction text; the register derives it again
        assertThat(kept.features()).isEqualTo("Только по записи");
    }

    @Test
    void theRegistersFieldNamesMapOntoTheFormsFields() {
        assertThat(ChangeForm.FIELDS)
                .containsEntry("row.touchpoint.name", "touchpointName")
                .containsEntry("row.needs", "needs")
                .containsEntry("reason", "reason");
    }

    @Test
    void anEditMarksOnlyTheFieldsItChanges() {
        RowContent before = new RowContent(
                "Н",
                "П",
                new Touchpoint("Сайт", Channel.DIGITAL, null),
                List.of(1),
                null,
                "Получение информации",
                "Взаимодействие в цифровой точке",
                "licensing");
        RowContent after = new RowContent(
                "Н",
                "П",
                new Touchpoint("Сайт", Channel.DIGITAL, "https://x"),
                List.of(1, 10),
                "Запись",
                "Получение информации",
                "Взаимодействие в цифровой точке",
                "licensing");
        var fields = ChangeCards.diff(before, after, Map.of("licensing", "Отдел лицензирования"));
        assertThat(fields.stream().filter(ChangeCards.Field::changed).map(ChangeCards.Field::label))
                .containsExactly("Адрес (ссылка, телефон, почта)", "Удовлетворяемые потребности");
        assertThat(fields.get(fields.size() - 1).after()).isEqualTo("Отдел лицензирования");
        assertThat(fields.get(5).after()).isEqualTo("1. Получение информации\n10. Другие потребности: Запись");
    }

    @Test
    void workingDaysAreCountedInRussian() {
        assertThat(ChangeCards.workingDays(1)).isEqualTo("1 рабочий день");
        assertThat(ChangeCards.workingDays(3)).isEqualTo("3 рабочих дня");
        assertThat(ChangeCards.workingDays(10)).isEqualTo("10 рабочих дней");
        assertThat(ChangeCards.workingDays(11)).isEqualTo("11 рабочих дней");
        assertThat(ChangeCards.workingDays(21)).isEqualTo("21 рабочий день");
    }
}
