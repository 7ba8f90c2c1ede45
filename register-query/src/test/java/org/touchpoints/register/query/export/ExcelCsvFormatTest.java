package org.touchpoints.register.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.query.register.RegisterReadModel;

class ExcelCsvFormatTest {
    private static final RegisterReadModel.RegisterSummary REGISTER = new RegisterReadModel.RegisterSummary(
            "r", "ГЖИ Смоленской области", "Europe/Moscow", 10, Template.SIX_COLUMN, null, 2, 1);
    private static final List<RegisterRow> ROWS = List.of(
            new RegisterRow(
                    "a",
                    new RowContent(
                            "Предоставление государственных услуг",
                            "Лицензирование",
                            new Touchpoint(
                                    "Официальный сайт; раздел «Лицензии»",
                                    Channel.DIGITAL,
                                    "https://gzhi.admin-smolensk.ru"),
                            List.of(1, 2),
                            null,
                            "Получение информации, консультации",
                            null,
                            "licensing")),
            new RegisterRow(
                    "b",
                    new RowContent(
                            "Предоставление государственных услуг",
                            "Лицензирование",
                            new Touchpoint("=HYPERLINK(\"x\")", Channel.OFFLINE, null),
                            List.of(1),
                            null,
                            "Звонок",
                            null,
                            "licensing")));

    @Test
    void theExcelFileStartsWithAByteOrderMarkAndSeparatesCellsBySemicolons() {
        byte[] file = new ExcelCsvFormat().write(REGISTER, ROWS);

        assertThat(file).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(";", Template.SIX_COLUMN.headers()));
        assertThat(lines[1])
                .startsWith("1;Предоставление государственных услуг;Лицензирование;")
                .contains("\"Официальный сайт; раздел «Лицензии»");
        assertThat(lines[2]).contains("'=HYPERLINK"); // a formula stays inert, as in the canonical file
    }

    @Test
    void theCanonicalCsvIsNotTouchedByTheExcelVariant() {
        byte[] canonical = new CsvFormat().write(REGISTER, ROWS);
        new ExcelCsvFormat().write(REGISTER, ROWS);

        assertThat(canonical).isEqualTo(RegisterCsv.render(Template.SIX_COLUMN, ROWS));
        assertThat(canonical[0]).isNotEqualTo((byte) 0xEF);
        assertThat(new String(canonical, StandardCharsets.UTF_8).split("\r\n")[0])
                .isEqualTo(String.join(",", Template.SIX_COLUMN.headers()));
    }
}
