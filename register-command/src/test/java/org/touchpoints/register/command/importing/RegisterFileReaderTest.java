package org.touchpoints.register.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.Channel;

class RegisterFileReaderTest {
    static final Path SMOLENSK = Path.of("../register-app/src/main/resources/demo/smolensk-gzhi-2024.csv");
    static final String APPEALS_PROCESS = "Прием и рассмотрение обращений и запросов, поступающих в ГЖИ СО";
    static final String HEADER = "№,Направление деятельности органа власти,Наименование конкретного процесса,"
            + "Точка взаимодействия,Осуществляемое взаимодействие с клиентом,Особенности взаимодействия с клиентом\n";

    static String smolensk() throws IOException {
        return Files.readString(SMOLENSK, StandardCharsets.UTF_8);
    }

    @Test
    void theSharedSmolenskRegisterReadsWithoutErrors() throws IOException {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(smolensk());

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(64);
        assertThat(parsed.rows().get(0).line()).isEqualTo(2);
        assertThat(parsed.rows().get(63).line()).isEqualTo(65);
        RegisterFileReader.ParsedRow first = parsed.rows().get(0);
        assertThat(first.row().direction()).isEqualTo("Предоставление государственных услуг");
        assertThat(first.row().touchpoint().name()).isEqualTo("Официальный сайт ГЖИ СО");
        assertThat(first.row().touchpoint().address()).isEqualTo("https://uggi.admin-smolensk.ru/");
        assertThat(first.row().touchpoint().channel()).isEqualTo(Channel.DIGITAL);
    }

    @Test
    void theSharedSmolenskRegisterHasThreeDuplicateTouchpointsAllInTheAppealsProcess() throws IOException {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(smolensk());

        List<RegisterImporter.Duplicate> duplicates = RegisterImporter.duplicates(parsed.rows());

        assertThat(duplicates).hasSize(3);
        assertThat(duplicates).allSatisfy(d -> {
            assertThat(d.process()).isEqualTo(APPEALS_PROCESS);
            assertThat(d.rows()).hasSizeGreaterThanOrEqualTo(2);
        });
    }

    @Test
    void aHeaderRepeatedAtAPageBreakIsSkippedWithAWarningAndTheGroupContinues() {
        String csv = HEADER
                + "1,Предоставление государственных услуг,Лицензирование,Официальный сайт https://uggi.admin-smolensk.ru/,Получение информации,Цифровая\n"
                + HEADER
                + ",,,Телефон 8 (4812) 20-55-88,Получение информации,Офлайн\n";

        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(csv);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.rows()).hasSize(2);
        assertThat(parsed.rows().get(1).groupNo()).isEqualTo(1);
        assertThat(parsed.rows().get(1).row().process()).isEqualTo("Лицензирование");
        assertThat(parsed.warnings())
                .filteredOn(w -> w.line() == 3)
                .singleElement()
                .satisfies(w -> assertThat(w.field()).isEqualTo("header"));
    }

    @Test
    void aTableLongerThanAnyRegisterIsRefusedAtTheFirstRowTooMany() {
        String row = "1,Предоставление государственных услуг,Лицензирование,Сайт %d,Получение информации,Цифровая\n";
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= RegisterFileReader.MAX_ROWS; i++) {
            csv.append(row.formatted(i));
        }
        assertThat(RegisterFileReader.readCsv(csv.toString()).errors()).isEmpty();

        RegisterFileReader.Parsed tooLong = RegisterFileReader.readCsv(csv + row.formatted(0));

        assertThat(tooLong.rows()).isEmpty();
        assertThat(tooLong.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(RegisterFileReader.MAX_ROWS + 2));
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineItsRecordStartsAndGivesNoRows() {
        String csv = HEADER
                + "1,Предоставление государственных услуг,Лицензирование,ЕПГУ https://www.gosuslugi.ru,Получение информации,Цифровая\n"
                + "1,Предоставление государственных услуг,Лицензирование,\"Телефон 8 (4812) 20-55-88,Получение консультации,Офлайн\n"
                + "1,Предоставление государственных услуг,Лицензирование,Почта России,Подача заявления,Офлайн\n";

        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(csv);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("кавычки");
        });
    }

    @Test
    void aMissingRequiredColumnIsReportedOnTheHeaderLine() {
        String csv = "№,Направление деятельности органа власти,Наименование конкретного процесса,"
                + "Осуществляемое взаимодействие с клиентом,Особенности взаимодействия с клиентом\n"
                + "1,Предоставление государственных услуг,Лицензирование,Получение информации,Цифровая\n";

        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(csv);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("Точка взаимодействия");
        });
    }

    @Test
    void aRowWithABlankTouchpointIsReportedOnItsOwnLineCountingLineBreaksInsideQuotes() {
        String csv = HEADER
                + "1,Предоставление государственных услуг,Лицензирование,ЕПГУ https://www.gosuslugi.ru,"
                + "\"Получение информации,\nполучение результата\",Цифровая\n" // lines 2–3
                + "1,Предоставление государственных услуг,Лицензирование,  ,Подача заявления,Офлайн\n" // line 4
                + "\n" // line 5, blank
                + "1,Предоставление государственных услуг,Лицензирование,Почта России,Подача заявления,Офлайн\n"; // line 6

        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(csv);

        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("точка взаимодействия");
        });
        assertThat(parsed.rows()).extracting(RegisterFileReader.ParsedRow::line).containsExactly(2, 6);
    }

    @Test
    void randomBytesNamedXlsxAreALineErrorNotAnException() {
        byte[] random = new byte[4096];
        new java.util.Random(42).nextBytes(random);

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(random);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains(".xlsx");
        });
    }

    @Test
    void zipSignatureFollowedByGarbageAndEmptyFilesAreLineErrors() {
        byte[] garbage = new byte[1024];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'P';
        garbage[1] = 'K';
        garbage[2] = 3;
        garbage[3] = 4;

        assertThat(RegisterFileReader.readXlsx(garbage).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(1));
        assertThat(RegisterFileReader.readXlsx(new byte[0]).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(1));
        assertThat(RegisterFileReader.readXlsx(null).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(1));
    }

    @Test
    void anOldExcelFileIsALineErrorAskingForXlsx() {
        byte[] ole2 = new byte[512];
        ole2[0] = (byte) 0xD0;
        ole2[1] = (byte) 0xCF;
        ole2[2] = (byte) 0x11;
        ole2[3] = (byte) 0xE0;

        assertThat(RegisterFileReader.readXlsx(ole2).errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains(".xls");
        });
    }
}
