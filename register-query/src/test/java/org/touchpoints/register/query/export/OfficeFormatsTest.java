package org.touchpoints.register.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.query.register.RegisterReadModel;

class OfficeFormatsTest {
    static final String AUTHORITY = "Главное управление «Государственная жилищная инспекция Смоленской области»";
    static final String SERVICES = "Предоставление государственных услуг";
    static final String APPEALS = "Рассмотрение обращений и запросов";
    static final String LICENSING = "Лицензирование деятельности по управлению многоквартирными домами";
    static final String CERTIFICATE = "Выдача квалификационного аттестата";
    static final String APPEAL = "Прием и рассмотрение обращений граждан";
    static final String XSS = "<script>alert(1)</script>";
    static final String FORMULA = "=1+1";

    /** Entry order deliberately mixed: the layout puts group 1 (services) first, processes in first-seen order. */
    static final List<RegisterRow> ROWS = List.of(
            row(
                    "r1",
                    SERVICES,
                    LICENSING,
                    "ЕПГУ",
                    Channel.DIGITAL,
                    "https://www.gosuslugi.ru/600155/1",
                    "Получение информации клиентом",
                    "Взаимодействие в цифровой точке"),
            row(
                    "r2",
                    APPEALS,
                    APPEAL,
                    FORMULA,
                    Channel.DIGITAL,
                    null,
                    "Направление обращения клиентом",
                    "Взаимодействие в цифровой точке"),
            row(
                    "r3",
                    SERVICES,
                    CERTIFICATE,
                    "Телефон",
                    Channel.OFFLINE,
                    "8 (4812) 20-55-88",
                    "Получение консультации клиентом, получение информации",
                    "Взаимодействие в офлайн-точке"),
            row(
                    "r4",
                    SERVICES,
                    LICENSING,
                    XSS,
                    Channel.DIGITAL,
                    null,
                    "Получение результата клиентом",
                    "Взаимодействие в цифровой точке\nпо рабочим дням"),
            row(
                    "r5",
                    APPEALS,
                    APPEAL,
                    "Почта России",
                    Channel.OFFLINE,
                    "214000, г. Смоленск, ул. Октябрьской революции, 14а",
                    "Направление письменного обращения \"по почте\"",
                    "Взаимодействие в офлайн-точке"),
            row(
                    "r6",
                    SERVICES,
                    LICENSING,
                    "Электронная почта",
                    Channel.DIGITAL,
                    "uggi@admin-smolensk.ru",
                    "Направление обращения клиентом, получение ответа",
                    "Взаимодействие в цифровой точке"));

    static RegisterRow row(
            String id,
            String direction,
            String process,
            String touchpoint,
            Channel channel,
            String address,
            String interaction,
            String features) {
        return new RegisterRow(
                id,
                new RowContent(
                        direction,
                        process,
                        new Touchpoint(touchpoint, channel, address),
                        List.of(1),
                        null,
                        interaction,
                        features,
                        null));
    }

    static RegisterReadModel.RegisterSummary register(Template template) {
        return new RegisterReadModel.RegisterSummary(
                "gzhi", AUTHORITY, "Europe/Moscow", 10, template, "67", ROWS.size(), 0);
    }

    static List<List<String>> expected(Template template) {
        return RegisterLayout.layOut(template, ROWS).stream()
                .map(l -> RegisterCsv.cells(template, l))
                .toList();
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void xlsxHasTitleHeadersAndLaidOutRowsInTheSixColumnTemplate() throws IOException {
        byte[] file = new XlsxFormat().write(register(Template.SIX_COLUMN), ROWS);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(1);
            Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Перечень");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(AUTHORITY);
            assertThat(rowTexts(sheet, 1)).isEqualTo(Template.SIX_COLUMN.headers());
            assertThat(wb.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getWrapText()).isTrue();

            assertThat(dataRows(sheet, 6)).isEqualTo(expected(Template.SIX_COLUMN));
            assertThat(sheet.getLastRowNum()).isEqualTo(1 + 6);
        }
    }

    @Test
    void xlsxMergesNumberAndDirectionPerGroupAndProcessPerProcess() throws IOException {
        byte[] file = new XlsxFormat().write(register(Template.SIX_COLUMN), ROWS);

        // Laid out: rows 2..5 group 1 (licensing ×3, certificate ×1), rows 6..7 group 2 (appeal ×2).
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(regions(sheet))
                    .containsExactlyInAnyOrder("A1:F1", "A3:A6", "B3:B6", "C3:C5", "A7:A8", "B7:B8", "C7:C8");
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("1");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEmpty();
            assertThat(sheet.getRow(6).getCell(1).getStringCellValue()).isEqualTo(APPEALS);
            assertThat(sheet.getRow(5).getCell(2).getStringCellValue()).isEqualTo(CERTIFICATE);
        }
    }

    @Test
    void xlsxKeepsScriptAndFormulaTouchpointsAsInertText() throws IOException {
        byte[] file = new XlsxFormat().write(register(Template.SIX_COLUMN), ROWS);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            List<Cell> touchpoints = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                touchpoints.add(sheet.getRow(r).getCell(3));
            }
            Cell xss = touchpoints.stream()
                    .filter(c -> c.getStringCellValue().equals(XSS))
                    .findFirst()
                    .orElseThrow();
            Cell formula = touchpoints.stream()
                    .filter(c -> c.getStringCellValue().equals(FORMULA))
                    .findFirst()
                    .orElseThrow();
            assertThat(xss.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertThat(cell.getCellType()).isIn(CellType.STRING, CellType.BLANK);
                }
            }
        }
    }

    @Test
    void xlsxExportIsDeterministic() throws IOException {
        XlsxFormat format = new XlsxFormat();
        byte[] first = format.write(register(Template.SIX_COLUMN), ROWS);
        byte[] second = format.write(register(Template.SIX_COLUMN), ROWS);

        assertThat(allCells(first)).isEqualTo(allCells(second));
        assertThat(second).isEqualTo(first);
    }

    @Test
    void xlsxInTheFiveColumnTemplateHasFiveColumnsAndMergesNumberPerGroupAndProcessPerProcess() throws IOException {
        byte[] file = new XlsxFormat().write(register(Template.FIVE_COLUMN), ROWS);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(rowTexts(sheet, 1)).hasSize(5).isEqualTo(Template.FIVE_COLUMN.headers());
            List<List<String>> data = dataRows(sheet, 5);
            assertThat(data).isEqualTo(expected(Template.FIVE_COLUMN));
            assertThat(data).allSatisfy(cells -> assertThat(cells).hasSize(5));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                assertThat(sheet.getRow(r).getLastCellNum()).isEqualTo((short) 5);
            }
            // five columns: each process is its own group (licensing ×3, appeal ×2, certificate ×1), no direction
            assertThat(regions(sheet)).containsExactlyInAnyOrder("A1:E1", "A3:A5", "B3:B5", "A6:A7", "B6:B7");
            assertThat(data.stream().map(cells -> cells.get(0)).toList()).containsExactly("1", "1", "1", "2", "2", "3");
        }
    }

    @Test
    void xlsxOfAnEmptyRegisterHasTheTitleAndHeadersOnly() throws IOException {
        byte[] file = new XlsxFormat().write(register(Template.SIX_COLUMN), List.of());

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = wb.getSheetAt(0);
            assertThat(rowTexts(sheet, 1)).isEqualTo(Template.SIX_COLUMN.headers());
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
        }
    }

    @Test
    void formatsNameThemselvesAndTheirMediaTypes() {
        assertThat(new XlsxFormat().name()).isEqualTo("xlsx");
        assertThat(new XlsxFormat().mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(new DocxFormat().name()).isEqualTo("docx");
        assertThat(new DocxFormat().mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    // ---------------------------------------------------------------- DOCX

    @Test
    void docxIsLandscapeWithHeadingAndTheTableInTheSixColumnTemplate() throws IOException {
        byte[] file = new DocxFormat().write(register(Template.SIX_COLUMN), ROWS);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            assertThat(doc.getDocument().getBody().getSectPr().getPgSz().getOrient())
                    .isEqualTo(STPageOrientation.LANDSCAPE);
            List<String> paragraphs =
                    doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs).contains(AUTHORITY, "Перечень точек взаимодействия");

            assertThat(doc.getTables()).hasSize(1);
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows()).hasSize(1 + 6);
            assertThat(table.getRow(0).getTableCells().stream()
                            .map(XWPFTableCell::getText)
                            .toList())
                    .isEqualTo(Template.SIX_COLUMN.headers());
            assertThat(tableData(table)).isEqualTo(expected(Template.SIX_COLUMN));
            assertThat(table.getTopBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideHBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
            assertThat(table.getInsideVBorderType()).isEqualTo(XWPFTable.XWPFBorderType.SINGLE);
        }
    }

    @Test
    void docxMergesNumberAndDirectionPerGroupAndProcessPerProcess() throws IOException {
        byte[] file = new DocxFormat().write(register(Template.SIX_COLUMN), ROWS);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            XWPFTable table = doc.getTables().get(0);
            // data rows 1..4 group 1 (licensing 1..3, certificate 4), 5..6 group 2 (appeal)
            assertThat(mergeColumn(table, 0))
                    .containsExactly("restart", "continue", "continue", "continue", "restart", "continue");
            assertThat(mergeColumn(table, 1))
                    .containsExactly("restart", "continue", "continue", "continue", "restart", "continue");
            assertThat(mergeColumn(table, 2))
                    .containsExactly("restart", "continue", "continue", "-", "restart", "continue");
            assertThat(mergeColumn(table, 3)).containsOnly("-");
            assertThat(table.getRow(2).getCell(0).getText()).isEmpty();
        }
    }

    @Test
    void docxKeepsScriptAndFormulaTouchpointsAsPlainText() throws IOException {
        byte[] file = new DocxFormat().write(register(Template.SIX_COLUMN), ROWS);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            XWPFTable table = doc.getTables().get(0);
            List<String> touchpoints =
                    tableData(table).stream().map(cells -> cells.get(3)).toList();
            assertThat(touchpoints).contains(XSS, FORMULA);
            assertThat(doc.getDocument().xmlText()).doesNotContain("<script>").contains("&lt;script>");
        }
    }

    @Test
    void docxExportIsDeterministic() throws IOException {
        DocxFormat format = new DocxFormat();
        byte[] first = format.write(register(Template.SIX_COLUMN), ROWS);
        byte[] second = format.write(register(Template.SIX_COLUMN), ROWS);

        try (XWPFDocument a = new XWPFDocument(new ByteArrayInputStream(first));
                XWPFDocument b = new XWPFDocument(new ByteArrayInputStream(second))) {
            assertThat(tableTexts(a.getTables().get(0)))
                    .isEqualTo(tableTexts(b.getTables().get(0)));
        }
        assertThat(second).isEqualTo(first);
    }

    @Test
    void docxInTheFiveColumnTemplateHasFiveColumns() throws IOException {
        byte[] file = new DocxFormat().write(register(Template.FIVE_COLUMN), ROWS);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(file))) {
            XWPFTable table = doc.getTables().get(0);
            assertThat(table.getRows())
                    .allSatisfy(r -> assertThat(r.getTableCells()).hasSize(5));
            assertThat(table.getRow(0).getTableCells().stream()
                            .map(XWPFTableCell::getText)
                            .toList())
                    .isEqualTo(Template.FIVE_COLUMN.headers());
            assertThat(tableData(table)).isEqualTo(expected(Template.FIVE_COLUMN));
            // each process its own group: licensing ×3, appeal ×2, certificate ×1 (no direction in five columns)
            assertThat(mergeColumn(table, 0))
                    .containsExactly("restart", "continue", "continue", "restart", "continue", "-");
            assertThat(mergeColumn(table, 1))
                    .containsExactly("restart", "continue", "continue", "restart", "continue", "-");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<String> rowTexts(Sheet sheet, int rowIndex) {
        DataFormatter f = new DataFormatter();
        List<String> texts = new ArrayList<>();
        for (Cell cell : sheet.getRow(rowIndex)) {
            texts.add(f.formatCellValue(cell));
        }
        return texts;
    }

    /** Data rows with each merged cell's value resolved from the top-left cell of its region. */
    private static List<List<String>> dataRows(Sheet sheet, int columns) {
        DataFormatter f = new DataFormatter();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                int sourceRow = r;
                int sourceCol = c;
                for (CellRangeAddress region : sheet.getMergedRegions()) {
                    if (region.isInRange(r, c)) {
                        sourceRow = region.getFirstRow();
                        sourceCol = region.getFirstColumn();
                    }
                }
                cells.add(f.formatCellValue(sheet.getRow(sourceRow).getCell(sourceCol)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Set<String> regions(Sheet sheet) {
        return sheet.getMergedRegions().stream()
                .map(CellRangeAddress::formatAsString)
                .collect(Collectors.toSet());
    }

    private static List<List<String>> allCells(byte[] file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            DataFormatter f = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (Cell cell : row) {
                    cells.add(cell.getCellType() + ":" + f.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String vMerge(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetVMerge()) {
            return "-";
        }
        return pr.getVMerge().getVal() == STMerge.RESTART ? "restart" : "continue";
    }

    private static List<String> mergeColumn(XWPFTable table, int column) {
        List<String> marks = new ArrayList<>();
        for (int r = 1; r < table.getRows().size(); r++) {
            marks.add(vMerge(table.getRow(r).getCell(column)));
        }
        return marks;
    }

    /** Data rows with the text of a vertically merged cell taken from the cell that starts the merge. */
    private static List<List<String>> tableData(XWPFTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 1; r < table.getRows().size(); r++) {
            List<String> cells = new ArrayList<>();
            List<XWPFTableCell> tableCells = table.getRow(r).getTableCells();
            for (int c = 0; c < tableCells.size(); c++) {
                int source = r;
                while (vMerge(table.getRow(source).getCell(c)).equals("continue")) {
                    source--;
                }
                cells.add(table.getRow(source).getCell(c).getText());
            }
            rows.add(cells);
        }
        return rows;
    }

    private static List<List<String>> tableTexts(XWPFTable table) {
        return table.getRows().stream()
                .map(r -> r.getTableCells().stream().map(XWPFTableCell::getText).toList())
                .toList();
    }
}
