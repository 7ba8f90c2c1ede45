package org.touchpoints.register.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RowContent;

/** What the importer infers, that it says so line by line, and the forms of table it reads (issue 11, item 4). */
class ImportInferencesTest {
    static final String HEADER = RegisterFileReaderTest.HEADER;
    static final String SERVICES = "Предоставление государственных услуг";
    static final String LICENSING = "Лицензирование";

    // ---- needs from the interaction text ----

    @Test
    void theSeedsWordingsMapOntoTheNeedsTheySay() {
        assertThat(NeedsFromText.map("направление письменного обращения клиентом для получения консультации")
                        .needs())
                .containsExactly(2, 4);
        assertThat(NeedsFromText.map("получение консультации клиентом").needs()).containsExactly(2);
        assertThat(NeedsFromText.map("консультирование клиента").needs()).containsExactly(2);
        assertThat(NeedsFromText.map("Направление клиентом жалобы").needs())
                .as("a complaint is a submission")
                .containsExactly(4);
        assertThat(NeedsFromText.map("подача жалобы клиентом").needs()).containsExactly(4);
        assertThat(NeedsFromText.map("представление заявления клиентом").needs())
                .containsExactly(4);
        assertThat(NeedsFromText.map("получение результата рассмотрения жалобы").needs())
                .containsExactly(6);
        assertThat(NeedsFromText.map("получение информации клиентом о ходе рассмотрения жалобы")
                        .needs())
                .containsExactly(5);
        assertThat(NeedsFromText.map("предоставление обратной связи").needs()).containsExactly(8);
        assertThat(NeedsFromText.map("получение результата рассмотрения обратной связи")
                        .needs())
                .containsExactly(9);
        assertThat(NeedsFromText.map("предоставление объектов для осмотра").needs())
                .containsExactly(7);
        NeedsFromText.Mapped inspection =
                NeedsFromText.map("Проведение КНМ / ПМ, получение клиентом документов (акта, предписания)");
        assertThat(inspection.needs()).as("no need 7 from «КНМ»").containsExactly(6, 10);
        assertThat(inspection.otherNeed()).isEqualTo("Проведение КНМ / ПМ");
        assertThat(NeedsFromText.map(
                                "Направление клиенту информации по вопросам информационно-технического обслуживания")
                        .needs())
                .containsExactly(1);
    }

    @Test
    void theNeedsOfEveryLineAreAWarningNamingEachPhrase() {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(HEADER + "1," + SERVICES + "," + LICENSING
                + ",Электронная почта uggi@admin-smolensk.ru,\"Получение информации клиентом, направление письменного "
                + "обращения клиентом для получения консультации\",Взаимодействие в цифровой точке\n");

        assertThat(parsed.rows().get(0).row().needs()).containsExactly(1, 2, 4);
        assertThat(warnings(parsed, 2, "needs"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .contains("«направление письменного обращения клиентом для получения консультации» → 2, 4")
                        .contains("«Получение информации клиентом» → 1"));
    }

    // ---- the channel ----

    @Test
    void aPhoneWhoseFeaturesSayDigitalStaysOfflineWithAWarning() {
        RegisterFileReader.Parsed parsed =
                RegisterFileReader.readCsv(HEADER + "5,Ведение бухгалтерского учета,Бухгалтерия,"
                        + "Телефон 8 (4812) 29-11-69,\"Получение клиентом информации, консультирование клиента\","
                        + "Взаимодействие в цифровой точке\n");

        RowContent row = parsed.rows().get(0).row();
        assertThat(row.touchpoint().channel()).isEqualTo(Channel.OFFLINE);
        assertThat(row.features()).as("the text is kept as written").isEqualTo("Взаимодействие в цифровой точке");
        assertThat(warnings(parsed, 2, "touchpoint.channel"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .contains("офлайн-точка")
                        .contains("Телефон")
                        .contains("Взаимодействие в цифровой точке"));
    }

    @Test
    void theFeaturesDecideWhenTheTypeSaysNothingAndThatIsAWarningToo() {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(HEADER + "1," + SERVICES + "," + LICENSING
                + ",Единая система межведомственного взаимодействия,Получение информации клиентом,"
                + "Взаимодействие в цифровой точке\n");

        assertThat(parsed.rows().get(0).row().touchpoint().channel()).isEqualTo(Channel.DIGITAL);
        assertThat(warnings(parsed, 2, "touchpoint.channel"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("по тексту особенностей"));
    }

    // ---- name and address ----

    @Test
    void anAddressInBracketsThatCloseAfterItStaysWithTheName() {
        String cell = "Типовое облачное решение по автоматизации контрольной (надзорной) деятельности "
                + "(ГИС ТОР КНД, https://tor.knd.gov.ru/)";
        RegisterFileReader.Parsed parsed =
                RegisterFileReader.readCsv(HEADER + "1,Государственный контроль (надзор)," + "Региональный контроль,\""
                        + cell + "\",Получение информации клиентом,Взаимодействие в цифровой точке\n");

        RowContent row = parsed.rows().get(0).row();
        assertThat(row.touchpoint().name()).isEqualTo(cell);
        assertThat(row.touchpoint().address()).isNull();
        assertThat(row.touchpoint().channel()).isEqualTo(Channel.DIGITAL);
        assertThat(warnings(parsed, 2, "touchpoint.name"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("в скобках"));
    }

    @Test
    void aSplitOfNameAndAddressIsAWarning() {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(HEADER + "1," + SERVICES + "," + LICENSING
                + ",Официальный сайт ГЖИ СО https://uggi.admin-smolensk.ru/,Получение информации клиентом,"
                + "Взаимодействие в цифровой точке\n");

        assertThat(parsed.rows().get(0).row().touchpoint().name()).isEqualTo("Официальный сайт ГЖИ СО");
        assertThat(parsed.rows().get(0).row().touchpoint().address()).isEqualTo("https://uggi.admin-smolensk.ru/");
        assertThat(warnings(parsed, 2, "touchpoint.address"))
                .singleElement()
                .satisfies(m -> assertThat(m)
                        .contains("«Официальный сайт ГЖИ СО»")
                        .contains("«https://uggi.admin-smolensk.ru/»"));
    }

    // ---- tables laid out by groups ----

    @Test
    void blankContinuationCellsReadAsTheCellAboveWithAWarning() {
        String full = HEADER
                + "1," + SERVICES + "," + LICENSING
                + ",ЕПГУ https://www.gosuslugi.ru,Получение информации клиентом,Взаимодействие в цифровой точке\n"
                + "1," + SERVICES + "," + LICENSING
                + ",Телефон 8 (4812) 20-55-88,Получение консультации клиентом,Взаимодействие в офлайн-точке\n"
                + "2,Рассмотрение обращений,Прием обращений,Почта России,Подача обращения клиентом,Взаимодействие в офлайн-точке\n"
                + "2,Рассмотрение обращений,Прием обращений,Сайт https://uggi.admin-smolensk.ru,Подача обращения клиентом,Взаимодействие в цифровой точке\n";
        String blank = HEADER
                + "1," + SERVICES + "," + LICENSING
                + ",ЕПГУ https://www.gosuslugi.ru,Получение информации клиентом,Взаимодействие в цифровой точке\n"
                + ",,,Телефон 8 (4812) 20-55-88,Получение консультации клиентом,Взаимодействие в офлайн-точке\n"
                + "2,Рассмотрение обращений,Прием обращений,Почта России,Подача обращения клиентом,Взаимодействие в офлайн-точке\n"
                + ",,,Сайт https://uggi.admin-smolensk.ru,Подача обращения клиентом,Взаимодействие в цифровой точке\n";

        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(blank);

        assertThat(parsed.errors()).isEmpty();
        assertThat(contents(parsed)).isEqualTo(contents(RegisterFileReader.readCsv(full)));
        assertThat(warnings(parsed, 3, "process"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains(LICENSING));
        assertThat(warnings(parsed, 3, "direction"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains(SERVICES));
        assertThat(warnings(parsed, 5, "process"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("Прием обращений"));
        assertThat(warnings(parsed, 4, "process")).isEmpty();
    }

    @Test
    void aBlankProcessInTheFirstRowIsStillAnError() {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(HEADER + "1," + SERVICES
                + ",,ЕПГУ https://www.gosuslugi.ru,Получение информации клиентом,Взаимодействие в цифровой точке\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(2));
    }

    @Test
    void aCellWithAZeroWidthSpaceIsAnErrorOfItsLine() {
        RegisterFileReader.Parsed parsed = RegisterFileReader.readCsv(HEADER + "1," + SERVICES + "," + LICENSING
                + ",Офици\u200Bальный сайт,Получение информации клиентом,Взаимодействие в цифровой точке\n");
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("невидимые"));
    }

    // ---- DOCX ----

    @Test
    void theSeedRegisterAsAWordTableWithVerticallyMergedCellsReadsLikeItsCsv() throws IOException {
        String csv = RegisterFileReaderTest.smolensk();
        List<List<String>> records =
                CsvTable.parse(csv).stream().map(CsvTable.Record::cells).toList();
        byte[] docx = seedLikeDocx(records.subList(1, records.size()));

        assertThat(RegisterImporter.isDocx(docx, "perechen.docx")).isTrue();
        assertThat(RegisterImporter.isDocx(docx, "upload.bin"))
                .as("known by its content")
                .isTrue();
        RegisterFileReader.Parsed fromDocx = RegisterImporter.parse(docx, "upload.bin");
        RegisterFileReader.Parsed fromCsv = RegisterFileReader.readCsv(csv);

        assertThat(fromDocx.errors()).isEmpty();
        assertThat(contents(fromDocx)).hasSize(64).isEqualTo(contents(fromCsv));
        assertThat(fromDocx.rows().get(0).line())
                .as("title-less table: header, the column numbers, then data")
                .isEqualTo(3);
    }

    @Test
    void aWordDocumentWithoutARegisterTableIsAnErrorNotAnException() {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("Порядок ведения перечня");
        RegisterFileReader.Parsed parsed = RegisterFileReader.readDocx(bytes(doc));
        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.message()).contains("таблица"));
        assertThat(RegisterFileReader.readDocx(new byte[] {'P', 'K', 1, 2}).errors())
                .hasSize(1);
    }

    /**
     * A Word table made like seed 000's: the template's header, a row numbering the columns, and the №, direction and
     * process cells merged down over their group (the continuation cells empty, as Word writes them).
     */
    static byte[] seedLikeDocx(List<List<String>> rows) {
        XWPFDocument doc = new XWPFDocument();
        doc.createParagraph().createRun().setText("Перечень точек взаимодействия ГЖИ Смоленской области");
        List<String> header = List.of(
                "№",
                "Направление деятельности органа власти",
                "Наименование конкретного процесса",
                "Точка взаимодействия",
                "Осуществляемое взаимодействие с клиентом",
                "Особенности взаимодействия с клиентом");
        XWPFTable table = doc.createTable(rows.size() + 2, header.size());
        for (int c = 0; c < header.size(); c++) {
            table.getRow(0).getCell(c).setText(header.get(c));
            table.getRow(1).getCell(c).setText(Integer.toString(c + 1));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.size(); c++) {
                XWPFTableCell cell = table.getRow(r + 2).getCell(c);
                String value = rows.get(r).get(c);
                boolean merged = c <= 2;
                boolean continues = merged && r > 0 && sameGroupCell(rows, r, c);
                boolean startsMerge = merged && !continues && r + 1 < rows.size() && sameGroupCell(rows, r + 1, c);
                if (continues) {
                    cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                } else {
                    if (startsMerge) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                    }
                    cell.setText(value);
                }
            }
        }
        return bytes(doc);
    }

    /** Row r's cell in column c continues row r-1's: the same value in it and in every merged column before it. */
    private static boolean sameGroupCell(List<List<String>> rows, int r, int c) {
        for (int i = 0; i <= c; i++) {
            if (!rows.get(r).get(i).equals(rows.get(r - 1).get(i))) {
                return false;
            }
        }
        return true;
    }

    private static byte[] bytes(XWPFDocument doc) {
        try (doc;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<RowContent> contents(RegisterFileReader.Parsed parsed) {
        return parsed.rows().stream().map(RegisterFileReader.ParsedRow::row).toList();
    }

    static List<String> warnings(RegisterFileReader.Parsed parsed, int line, String field) {
        List<String> messages = new ArrayList<>();
        parsed.warnings().stream()
                .filter(w -> w.line() == line && w.field().equals(field))
                .forEach(w -> messages.add(w.message()));
        return messages;
    }
}
