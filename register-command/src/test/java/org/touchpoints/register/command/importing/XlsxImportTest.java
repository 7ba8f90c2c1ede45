package org.touchpoints.register.command.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Template;

class XlsxImportTest {
    static final List<String> SIX = Template.SIX_COLUMN.headers();
    static final String SERVICES = "Предоставление государственных услуг";
    static final String APPEALS = "Рассмотрение обращений и запросов";
    static final String LICENSING = "Лицензирование деятельности по управлению многоквартирными домами";
    static final String CERTIFICATE = "Выдача квалификационного аттестата";
    static final String APPEAL = "Прием и рассмотрение обращений, поступающих в ГЖИ СО";

    static final List<List<String>> SMALL = List.of(
            List.of(
                    "1",
                    SERVICES,
                    LICENSING,
                    "ЕПГУ https://www.gosuslugi.ru/600155/1",
                    "Получение информации клиентом, получение результата клиентом",
                    "Взаимодействие в цифровой точке"),
            List.of(
                    "1",
                    SERVICES,
                    LICENSING,
                    "Телефон 8 (4812) 20-55-88",
                    "Получение консультации клиентом",
                    "Взаимодействие в офлайн-точке"),
            List.of(
                    "1",
                    SERVICES,
                    CERTIFICATE,
                    "Электронная почта uggi@admin-smolensk.ru",
                    "Направление обращения клиентом",
                    "Взаимодействие в цифровой точке"),
            List.of(
                    "1",
                    SERVICES,
                    CERTIFICATE,
                    "Почта России",
                    "Подача заявления клиентом",
                    "Взаимодействие в офлайн-точке"),
            List.of(
                    "2",
                    APPEALS,
                    APPEAL,
                    "=1+1",
                    "Направление обращения \"письменно\", получение ответа",
                    "Взаимодействие в офлайн-точке"),
            List.of(
                    "2",
                    APPEALS,
                    APPEAL,
                    "<script>alert(1)</script>",
                    "Получение информации клиентом",
                    "Взаимодействие в цифровой точке"));

    // ---------------------------------------------------------------- reading back

    @Test
    void aSixColumnSheetWithMergedGroupDirectionAndProcessReadsLikeTheEquivalentCsv() {
        byte[] xlsx = sheet(SIX, SMALL, true, true, false);

        RegisterFileReader.Parsed fromXlsx = RegisterFileReader.readXlsx(xlsx);
        RegisterFileReader.Parsed fromCsv = RegisterFileReader.readCsv(csv(SIX, SMALL));

        assertThat(fromXlsx.errors()).isEmpty();
        assertThat(fromCsv.errors()).isEmpty();
        assertThat(contents(fromXlsx)).hasSize(6).isEqualTo(contents(fromCsv));
        // title on row 1, a blank row 2, the header on row 3: data from spreadsheet row 4
        assertThat(fromXlsx.rows())
                .extracting(RegisterFileReader.ParsedRow::line)
                .containsExactly(4, 5, 6, 7, 8, 9);
        assertThat(fromXlsx.rows().get(5).row().process()).isEqualTo(APPEAL);
        assertThat(fromXlsx.rows().get(4).row().touchpoint().name()).isEqualTo("=1+1");
        assertThat(fromXlsx.rows().get(5).row().touchpoint().name()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void theSharedSmolenskRegisterAsAMergedSheetReadsBackToTheSameRows() throws IOException {
        List<CsvTable.Record> records = CsvTable.parse(RegisterFileReaderTest.smolensk());
        List<List<String>> data = records.subList(1, records.size()).stream()
                .map(CsvTable.Record::cells)
                .toList();

        RegisterFileReader.Parsed fromXlsx = RegisterFileReader.readXlsx(sheet(SIX, data, true, true, false));
        RegisterFileReader.Parsed fromCsv = RegisterFileReader.readCsv(RegisterFileReaderTest.smolensk());

        assertThat(fromXlsx.errors()).isEmpty();
        assertThat(contents(fromXlsx)).hasSize(64).isEqualTo(contents(fromCsv));
        assertThat(RegisterImporter.duplicates(fromXlsx.rows())).hasSize(3);
    }

    @Test
    void aRowNumberingTheColumnsUnderTheHeaderAndBlankRowsAreSkipped() {
        byte[] xlsx = sheet(SIX, SMALL, false, true, true);

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(xlsx);

        assertThat(parsed.errors()).isEmpty();
        assertThat(contents(parsed)).isEqualTo(contents(RegisterFileReader.readCsv(csv(SIX, SMALL))));
        // header on row 1, «1 2 3 4 5 6» on row 2
        assertThat(parsed.rows().get(0).line()).isEqualTo(3);
    }

    @Test
    void aFiveColumnSheetWithEnglishHeadersIsRead() {
        List<String> headers = List.of("group_no", "process", "touchpoint", "interaction", "features");
        List<List<String>> rows = SMALL.stream()
                .map(r -> List.of(r.get(0), r.get(2), r.get(3), r.get(4), r.get(5)))
                .toList();

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(sheet(headers, rows, true, false, false));

        assertThat(parsed.errors()).isEmpty();
        assertThat(contents(parsed)).isEqualTo(contents(RegisterFileReader.readCsv(csv(headers, rows))));
        assertThat(parsed.rows().get(0).row().direction()).isEqualTo(LICENSING);
    }

    @Test
    void aBlankTouchpointIsReportedOnItsSpreadsheetRow() {
        List<List<String>> rows = new ArrayList<>(SMALL);
        rows.set(
                3,
                List.of("1", SERVICES, CERTIFICATE, "", "Подача заявления клиентом", "Взаимодействие в офлайн-точке"));

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(sheet(SIX, rows, true, true, false));

        assertThat(parsed.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(7));
    }

    @Test
    void aSheetWithoutAHeaderRowIsALineError() {
        byte[] xlsx = sheet(List.of("Раздел", "Текст"), List.of(List.of("a", "b")), false, false, false);

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(xlsx);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("Точка взаимодействия");
        });
    }

    // ---------------------------------------------------------------- guards

    @Test
    void moreThanFiveThousandRowsIsALineErrorAndFiveThousandIsNot() {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < RegisterFileReader.MAX_ROWS + 1; i++) {
            rows.add(List.of("1", SERVICES, "Процесс " + (i / 10), "Телефон " + i, "Получение информации", "Офлайн"));
        }

        RegisterFileReader.Parsed tooMany = RegisterFileReader.readXlsx(sheet(SIX, rows, false, false, false));
        RegisterFileReader.Parsed enough = RegisterFileReader.readXlsx(
                sheet(SIX, rows.subList(0, RegisterFileReader.MAX_ROWS), false, false, false));

        assertThat(tooMany.rows()).isEmpty();
        assertThat(tooMany.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1 + RegisterFileReader.MAX_ROWS + 1);
            assertThat(e.message()).contains("5000");
        });
        assertThat(enough.errors()).isEmpty();
        assertThat(enough.rows()).hasSize(RegisterFileReader.MAX_ROWS);
    }

    @Test
    void aZipBombIsALineErrorNotAnException() throws IOException {
        byte[] bomb = inflate(sheet(SIX, SMALL, false, false, false), "xl/worksheets/sheet1.xml", 20_000_000);

        RegisterFileReader.Parsed parsed = RegisterFileReader.readXlsx(bomb);

        assertThat(parsed.rows()).isEmpty();
        assertThat(parsed.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("слишком большой");
        });
    }

    @Test
    void aTruncatedWorkbookIsALineError() {
        byte[] xlsx = sheet(SIX, SMALL, true, true, false);
        byte[] truncated = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);

        assertThat(RegisterFileReader.readXlsx(truncated).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(1));
    }

    // ---------------------------------------------------------------- helpers

    static List<RowContent> contents(RegisterFileReader.Parsed parsed) {
        return parsed.rows().stream().map(RegisterFileReader.ParsedRow::row).toList();
    }

    static String csv(List<String> headers, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> line : concat(List.of(headers), rows)) {
            out.append(String.join(",", line.stream().map(XlsxImportTest::quote).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String quote(String v) {
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }

    private static List<List<String>> concat(List<List<String>> a, List<List<String>> b) {
        List<List<String>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * A register sheet as an authority would keep it: optionally a merged title row and a blank row above the
     * header, optionally a row numbering the columns under it; with {@code merge}, the first columns up to the
     * process column merged over runs of equal values (the value only in the region's first cell), the process
     * within its group.
     */
    static byte[] sheet(
            List<String> headers, List<List<String>> rows, boolean title, boolean merge, boolean numberRow) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Перечень");
            int r = 0;
            if (title) {
                Row t = sheet.createRow(r);
                t.createCell(0)
                        .setCellValue("Главное управление «Государственная жилищная инспекция Смоленской области»");
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, headers.size() - 1));
                r += 2;
            }
            write(sheet.createRow(r++), headers);
            if (numberRow) {
                Row n = sheet.createRow(r++);
                for (int c = 0; c < headers.size(); c++) {
                    n.createCell(c).setCellValue(c + 1);
                }
            }
            int first = r;
            for (List<String> row : rows) {
                write(sheet.createRow(r++), row);
            }
            if (merge) {
                int processColumn = headers.size() == 6 ? 2 : 1;
                for (int c = 0; c <= processColumn; c++) {
                    int column = c;
                    merge(
                            sheet,
                            rows,
                            first,
                            column,
                            row -> column == processColumn ? row.get(0) + "\u0000" + row.get(column) : row.get(column));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(cells.get(c));
        }
    }

    private static void merge(
            Sheet sheet,
            List<List<String>> rows,
            int firstRow,
            int column,
            java.util.function.Function<List<String>, String> key) {
        int start = 0;
        for (int i = 1; i <= rows.size(); i++) {
            if (i == rows.size() || !Objects.equals(key.apply(rows.get(i)), key.apply(rows.get(start)))) {
                if (i - 1 > start) {
                    for (int j = start + 1; j < i; j++) {
                        sheet.getRow(firstRow + j).getCell(column).setBlank();
                    }
                    sheet.addMergedRegion(new CellRangeAddress(firstRow + start, firstRow + i - 1, column, column));
                }
                start = i;
            }
        }
    }

    /** The workbook with one entry padded by {@code extra} spaces after its XML: tiny compressed, huge inflated. */
    private static byte[] inflate(byte[] xlsx, String entryName, int extra) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(zip);
                if (e.getName().equals(entryName)) {
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int written = 0; written < extra; written += spaces.length) {
                        zip.write(spaces);
                    }
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
