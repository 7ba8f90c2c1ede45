package org.touchpoints.register.command.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.touchpoints.register.api.row.Text;

/**
 * Reads the first sheet of an Excel workbook (.xlsx) into the records {@link CsvTable} gives for a CSV, so the
 * same {@link RegisterFileReader} maps both. A record's line is the spreadsheet row number (1-based). Rows above
 * the header (a title, the authority's name) are skipped: the header is the first row with a cell naming the
 * touchpoint column («Точка взаимодействия» or {@code touchpoint}). A row that only numbers the columns (1, 2, 3…)
 * right under the header is skipped too, as are blank rows. A cell merged over several rows (the №, the
 * direction, the process of a register laid out by groups) gives its value to every row it covers.
 * Zip bombs are refused by POI's inflate-ratio and entry-size limits; a sheet longer than
 * {@link RegisterFileReader#MAX_ROWS}
 * data rows is refused.
 */
final class XlsxTable {
    private XlsxTable() {}

    static List<CsvTable.Record> parse(byte[] file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportFileException(1, "В книге Excel нет листов");
            }
            return records(workbook.getSheetAt(0));
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFileException(
                    1,
                    tooLarge(e)
                            ? "Книга Excel распаковывается в слишком большой объём: файл отклонён"
                            : unreadable(file));
        }
    }

    private static List<CsvTable.Record> records(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        formatter.setUseCachedValuesForFormulaCells(true);
        int lastRow = sheet.getLastRowNum();
        List<CellRangeAddress> merged = sheet.getMergedRegions();

        int headerRow = -1;
        for (int r = sheet.getFirstRowNum(); r >= 0 && r <= lastRow && headerRow < 0; r++) {
            if (isHeader(texts(sheet.getRow(r), formatter))) {
                headerRow = r;
            }
        }
        if (headerRow < 0) {
            throw new ImportFileException(
                    1, "Не найдена строка заголовка таблицы: нет столбца «Точка взаимодействия» на первом листе");
        }

        List<CsvTable.Record> records = new ArrayList<>();
        List<String> header = trimTrailingBlanks(texts(sheet.getRow(headerRow), formatter));
        records.add(new CsvTable.Record(headerRow + 1, header));
        int dataRows = 0;
        for (int r = headerRow + 1; r <= lastRow; r++) {
            List<String> own = texts(sheet.getRow(r), formatter);
            if (own.stream().allMatch(String::isBlank)) {
                continue;
            }
            if (r == headerRow + 1 && numbersTheColumns(own)) {
                continue;
            }
            if (++dataRows > RegisterFileReader.MAX_ROWS) {
                throw new ImportFileException(
                        r + 1,
                        "В таблице больше " + RegisterFileReader.MAX_ROWS
                                + " строк: разделите её или загрузите перечень в формате CSV частями");
            }
            List<String> cells = new ArrayList<>(own);
            copyMergedValues(sheet, merged, r, cells, formatter);
            records.add(new CsvTable.Record(r + 1, trimTrailingBlanks(cells)));
        }
        return records;
    }

    /** The value of a cell merged over several rows, in every row it covers (in the region's first column). */
    private static void copyMergedValues(
            Sheet sheet, List<CellRangeAddress> merged, int r, List<String> cells, DataFormatter formatter) {
        for (CellRangeAddress region : merged) {
            if (region.getFirstRow() < r && r <= region.getLastRow()) {
                int c = region.getFirstColumn();
                Row first = sheet.getRow(region.getFirstRow());
                String value = first == null ? "" : text(first.getCell(c), formatter);
                while (cells.size() <= c) {
                    cells.add("");
                }
                if (cells.get(c).isBlank()) {
                    cells.set(c, value);
                }
            }
        }
    }

    private static boolean isHeader(List<String> cells) {
        for (String cell : cells) {
            String key = Text.key(cell);
            if (key.contains("точка взаимодействия") || key.contains("touchpoint")) {
                return true;
            }
        }
        return false;
    }

    /** A row «1 | 2 | 3 | …» under the header, as the procedures' tables number their columns. */
    private static boolean numbersTheColumns(List<String> cells) {
        List<String> filled =
                cells.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (filled.size() < 2) {
            return false;
        }
        for (int i = 0; i < filled.size(); i++) {
            if (!filled.get(i).equals(Integer.toString(i + 1))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> texts(Row row, DataFormatter formatter) {
        List<String> cells = new ArrayList<>();
        if (row == null || row.getLastCellNum() <= 0) {
            return cells;
        }
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c), formatter));
        }
        return cells;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        String text = formatter.formatCellValue(cell);
        return text == null ? "" : text;
    }

    private static List<String> trimTrailingBlanks(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isBlank()) {
            end--;
        }
        return new ArrayList<>(cells.subList(0, end));
    }

    /** POI's guard against zip bombs (inflate ratio, entry or text size) refused the file. */
    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("zip bomb") || message.contains("exceeds the max")) {
                return true;
            }
        }
        return false;
    }

    private static String unreadable(byte[] file) {
        boolean oldExcel = file.length >= 4
                && (file[0] & 0xFF) == 0xD0
                && (file[1] & 0xFF) == 0xCF
                && (file[2] & 0xFF) == 0x11
                && (file[3] & 0xFF) == 0xE0;
        return oldExcel
                ? "Файл в старом формате Excel (.xls): сохраните таблицу как «Книга Excel (.xlsx)» или «CSV UTF-8»"
                : "Файл не читается как книга Excel (.xlsx): сохраните таблицу как «Книга Excel (.xlsx)» или «CSV UTF-8»";
    }
}
