package org.touchpoints.register.query.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IgnoredErrorType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RegisterLayout;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.Template;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.query.register.RegisterReadModel;

/**
 * The register as an Excel workbook in the authority's template: one sheet «Перечень», a title row with the
 * authority, the template's header row, then the rows as {@link RegisterLayout} lays them out, with the №
 * (and, six-column, the direction) cell merged over a group and the process cell merged over a process.
 * Every cell is a plain string (never a formula), and the file is the same bytes for the same rows.
 */
@Component
public class XlsxFormat implements RegisterFileFormat {
    /** The date written as the document's creation date, so that the same rows give the same file. */
    static final Instant FIXED_CREATED = Instant.parse("2000-01-01T00:00:00Z");

    static final String SHEET = "Перечень";
    static final int TITLE_ROW = 0;
    static final int HEADER_ROW = 1;
    static final int FIRST_DATA_ROW = 2;

    private static final int MAX_CELL_TEXT = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    @Override
    public String name() {
        return "xlsx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public byte[] write(RegisterReadModel.RegisterSummary register, List<RegisterRow> rows) {
        Template template = register.template();
        List<String> headers = register.headers();
        List<RegisterLayout.Line> lines = RegisterLayout.layOut(template, rows);
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fixProperties(workbook.getProperties(), register.authority());
            XSSFSheet sheet = workbook.createSheet(SHEET);
            Styles styles = new Styles(workbook);

            Row title = sheet.createRow(TITLE_ROW);
            title.setHeightInPoints(32);
            for (int c = 0; c < headers.size(); c++) {
                title.createCell(c).setCellStyle(styles.title);
            }
            title.getCell(0).setCellValue(text(register.authority()));
            if (headers.size() > 1) {
                sheet.addMergedRegion(new CellRangeAddress(TITLE_ROW, TITLE_ROW, 0, headers.size() - 1));
            }

            Row header = sheet.createRow(HEADER_ROW);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellStyle(styles.header);
                cell.setCellValue(headers.get(c));
            }

            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = RegisterCsv.cells(template, lines.get(i));
                Row row = sheet.createRow(FIRST_DATA_ROW + i);
                for (int c = 0; c < cells.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellStyle(c == 0 ? styles.number : styles.body);
                }
            }
            // Values only in the first cell of a merged region; the others stay blank (but bordered).
            for (MergedColumn column : mergedColumns(template)) {
                for (int[] run : runs(lines, column.key())) {
                    String value =
                            RegisterCsv.cells(template, lines.get(run[0])).get(column.index());
                    sheet.getRow(FIRST_DATA_ROW + run[0])
                            .getCell(column.index())
                            .setCellValue(text(value));
                    if (run[1] > run[0]) {
                        sheet.addMergedRegion(new CellRangeAddress(
                                FIRST_DATA_ROW + run[0], FIRST_DATA_ROW + run[1], column.index(), column.index()));
                    }
                }
            }
            List<Integer> mergedIndexes =
                    mergedColumns(template).stream().map(MergedColumn::index).toList();
            for (int i = 0; i < lines.size(); i++) {
                List<String> cells = RegisterCsv.cells(template, lines.get(i));
                for (int c = 0; c < cells.size(); c++) {
                    if (!mergedIndexes.contains(c)) {
                        sheet.getRow(FIRST_DATA_ROW + i).getCell(c).setCellValue(text(cells.get(c)));
                    }
                }
            }

            int[] widths = widths(template);
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            if (!lines.isEmpty()) {
                sheet.addIgnoredErrors(
                        new CellRangeAddress(FIRST_DATA_ROW, FIRST_DATA_ROW + lines.size() - 1, 0, 0),
                        IgnoredErrorType.NUMBER_STORED_AS_TEXT);
            }
            sheet.createFreezePane(0, FIRST_DATA_ROW);
            sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, -1, -1));
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            sheet.setFitToPage(true);

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return normalizeZip(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A column whose cells are merged over runs of consecutive lines with the same key. */
    record MergedColumn(int index, Function<RegisterLayout.Line, String> key) {}

    /** № (and the direction) merged per group; the process merged per process within its group. */
    static List<MergedColumn> mergedColumns(Template template) {
        Function<RegisterLayout.Line, String> group = l -> Integer.toString(l.groupNo());
        Function<RegisterLayout.Line, String> process =
                l -> l.groupNo() + "\u0000" + Text.key(l.row().content().process());
        if (template == Template.SIX_COLUMN) {
            return List.of(new MergedColumn(0, group), new MergedColumn(1, group), new MergedColumn(2, process));
        }
        return List.of(new MergedColumn(0, group), new MergedColumn(1, process));
    }

    /** Runs {first, last} (indexes into {@code lines}, inclusive) of consecutive lines with the same key. */
    static List<int[]> runs(List<RegisterLayout.Line> lines, Function<RegisterLayout.Line, String> key) {
        List<int[]> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= lines.size(); i++) {
            if (i == lines.size() || !key.apply(lines.get(i)).equals(key.apply(lines.get(start)))) {
                if (start < lines.size()) {
                    runs.add(new int[] {start, i - 1});
                }
                start = i;
            }
        }
        return runs;
    }

    /** Relative column widths in characters. */
    static int[] widths(Template template) {
        return template == Template.SIX_COLUMN ? new int[] {6, 28, 40, 40, 50, 28} : new int[] {6, 40, 40, 55, 28};
    }

    /** Creator, title and a fixed creation date instead of "now", so the same rows give the same document. */
    static void fixProperties(POIXMLProperties properties, String authority) {
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setCreator("Перечень точек взаимодействия");
        core.setTitle(text(authority) + " — Перечень точек взаимодействия");
        core.setCreated(Optional.of(Date.from(FIXED_CREATED)));
        core.setModified(Optional.of(Date.from(FIXED_CREATED)));
    }

    /**
     * Rewrites an OOXML package with fixed entry times: the zip otherwise records the time of writing, and
     * the export's SHA-256 header would differ for the same content.
     */
    static byte[] normalizeZip(byte[] zip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length);
        LocalDateTime fixed = LocalDateTime.of(2000, 1, 1, 0, 0);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream zipOut = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTimeLocal(fixed);
                zipOut.putNextEntry(copy);
                in.transferTo(zipOut);
                zipOut.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Cell text: null as empty, cut to the longest text a cell can hold. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_CELL_TEXT ? value : value.substring(0, MAX_CELL_TEXT - 1) + "…";
    }

    private static final class Styles {
        final XSSFCellStyle title;
        final XSSFCellStyle header;
        final XSSFCellStyle body;
        final XSSFCellStyle number;

        Styles(XSSFWorkbook workbook) {
            XSSFFont bold = workbook.createFont();
            bold.setBold(true);
            XSSFFont big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);

            title = workbook.createCellStyle();
            title.setFont(big);
            title.setWrapText(true);
            title.setVerticalAlignment(VerticalAlignment.CENTER);
            title.setAlignment(HorizontalAlignment.CENTER);

            header = bordered(workbook);
            header.setFont(bold);
            header.setAlignment(HorizontalAlignment.CENTER);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            body = bordered(workbook);
            body.setVerticalAlignment(VerticalAlignment.TOP);

            number = bordered(workbook);
            number.setVerticalAlignment(VerticalAlignment.TOP);
            number.setAlignment(HorizontalAlignment.CENTER);
        }

        private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
            XSSFCellStyle style = workbook.createCellStyle();
            style.setWrapText(true);
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            // "@": the cells hold text, so Excel does not reinterpret them when edited.
            style.setDataFormat(workbook.createDataFormat().getFormat("@"));
            return style;
        }
    }
}
