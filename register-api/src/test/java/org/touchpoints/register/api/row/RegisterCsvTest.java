package org.touchpoints.register.api.row;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterCsvTest {

    @Test
    void aCellThatASpreadsheetWouldTakeForAFormulaGetsAnApostrophe() {
        for (String formula : List.of(
                "=HYPERLINK(\"http://evil.example\")",
                "+7 (4812) 38-38-38",
                "-2+3+cmd|' /C calc'!A0",
                "@SUM(1+1)",
                "\t=1",
                "'=1",
                "''+1")) {
            assertThat(RegisterCsv.inert(formula)).as(formula).isEqualTo("'" + formula);
        }
        for (String text : List.of("Официальный сайт", "'цитата'", "'", "", "8 (4812) 38-38-38", "1+1=2")) {
            assertThat(RegisterCsv.inert(text)).as(text).isEqualTo(text);
        }
    }

    @Test
    void restoringUndoesExactlyWhatInertDid() {
        for (String text : List.of("=1", "'=1", "''@x", "'цитата'", "'", "", "Сайт", "-", "+", "'-'")) {
            assertThat(RegisterCsv.restored(RegisterCsv.inert(text))).as(text).isEqualTo(text);
        }
    }

    @Test
    void theCanonicalTextIsInertAndDiffersFromTheUnguardedOneOnlyThere() {
        RegisterRow formula = new RegisterRow(
                "r-1",
                new RowContent(
                        "Предоставление государственных услуг",
                        "Процесс",
                        new Touchpoint("=HYPERLINK(\"http://evil.example\";\"Сайт\")", Channel.DIGITAL, null),
                        List.of(1),
                        null,
                        "@SUM(1+1)",
                        "-1+1",
                        null));
        String guarded = new String(RegisterCsv.render(Template.SIX_COLUMN, List.of(formula)), StandardCharsets.UTF_8);
        String unguarded = new String(
                RegisterCsv.renderWithoutFormulaGuard(Template.SIX_COLUMN, List.of(formula)), StandardCharsets.UTF_8);

        assertThat(guarded.split("\r\n")[1])
                .isEqualTo("1,Предоставление государственных услуг,Процесс,"
                        + "\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Сайт\"\")\",'@SUM(1+1),'-1+1");
        assertThat(unguarded.split("\r\n")[1])
                .isEqualTo("1,Предоставление государственных услуг,Процесс,"
                        + "\"=HYPERLINK(\"\"http://evil.example\"\";\"\"Сайт\"\")\",@SUM(1+1),-1+1");
        assertThat(guarded.split("\r\n")[0]).isEqualTo(unguarded.split("\r\n")[0]);
    }
}
