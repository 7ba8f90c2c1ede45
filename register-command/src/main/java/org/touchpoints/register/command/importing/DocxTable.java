package org.touchpoints.register.command.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.touchpoints.register.api.row.Text;

/**
 * Reads the register's table from a Word document (.docx), the form in which seeds 000 and 004 issued their registers,
 * into the records {@link CsvTable} gives for a CSV. The table is the first one with a header cell naming the touchpoint
 * column; rows above that header, a row numbering the columns (1, 2, 3…) and blank rows are skipped. A cell merged down
 * over several rows (vMerge: the №, direction or process of a group) gives its value to every row it covers, as
 * {@link XlsxTable} does for merged cells; a cell spanning several columns (gridSpan) fills them all with its text in the
 * first. A record's line is the table row's number, 1-based, counting from the table's first row.
 */
final class DocxTable {
    private DocxTable() {}

    static List<CsvTable.Record> parse(byte[] file) {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(file))) {
            for (XWPFTable table : document.getTables()) {
                List<CsvTable.Record> records = records(table);
                if (!records.isEmpty()) {
                    return records;
                }
            }
            throw new ImportFileException(
                    1, "В документе Word не найдена таблица перечня: нет таблицы со столбцом «Точка взаимодействия»");
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException(
                    1,
                    "Файл не читается как документ Word (.docx): сохраните его как "
                            + "«Документ Word (.docx)», «Книга Excel (.xlsx)» или «CSV UTF-8»");
        }
    }

    private static List<CsvTable.Record> records(XWPFTable table) {
        List<XWPFTableRow> rows = table.getRows();
        int headerRow = -1;
        List<List<String>> grid = new ArrayList<>();
        List<String> above = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : rows.get(r).getTableCells()) {
                int column = cells.size();
                String text = continuesAbove(cell) ? (column < above.size() ? above.get(column) : "") : text(cell);
                cells.add(text);
                for (int i = 1; i < span(cell); i++) {
                    cells.add(continuesAbove(cell) && column + i < above.size() ? above.get(column + i) : "");
                }
            }
            grid.add(cells);
            above = cells;
            if (headerRow < 0
                    && cells.stream()
                            .map(Text::key)
                            .anyMatch(k -> k.contains("точка взаимодействия") || k.contains("touchpoint"))) {
                headerRow = r;
            }
        }
        List<CsvTable.Record> records = new ArrayList<>();
        if (headerRow < 0) {
            return records;
        }
        records.add(new CsvTable.Record(headerRow + 1, trimTrailingBlanks(grid.get(headerRow))));
        for (int r = headerRow + 1; r < grid.size(); r++) {
            List<String> cells = grid.get(r);
            if (cells.stream().allMatch(String::isBlank) || (r == headerRow + 1 && numbersTheColumns(cells))) {
                continue;
            }
            if (records.size() > RegisterFileReader.MAX_ROWS) {
                throw new ImportFileException(
                        r + 1,
                        "В таблице больше " + RegisterFileReader.MAX_ROWS
                                + " строк: столько строк перечень не содержит; проверьте, тот ли это файл");
            }
            records.add(new CsvTable.Record(r + 1, trimTrailingBlanks(cells)));
        }
        return records;
    }

    /** A cell of a vertical merge other than its first: it shows the text of the cell above. */
    private static boolean continuesAbove(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        return pr != null
                && pr.isSetVMerge()
                && (pr.getVMerge().getVal() == null || pr.getVMerge().getVal() == STMerge.CONTINUE);
    }

    private static int span(XWPFTableCell cell) {
        CTTcPr pr = cell.getCTTc().getTcPr();
        if (pr == null || !pr.isSetGridSpan() || pr.getGridSpan().getVal() == null) {
            return 1;
        }
        BigInteger v = pr.getGridSpan().getVal();
        return Math.max(1, Math.min(64, v.intValue()));
    }

    private static String text(XWPFTableCell cell) {
        return cell.getParagraphs().stream()
                .map(XWPFParagraph::getText)
                .collect(Collectors.joining("\n"))
                .strip();
    }

    private static boolean numbersTheColumns(List<String> cells) {
        List<String> filled =
                cells.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (filled.size() < 2) {
            return false;
        }
        for (int i = 0; i < filled.size(); i++) {
            if (!filled.get(i).replaceAll("[.)]$", "").equals(Integer.toString(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> trimTrailingBlanks(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }
}
