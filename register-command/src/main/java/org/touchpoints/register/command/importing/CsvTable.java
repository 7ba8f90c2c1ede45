package org.touchpoints.register.command.importing;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV reading (quoted cells, doubled quotes, line breaks inside quotes), remembering line numbers. */
final class CsvTable {
    record Record(int line, List<String> cells) {}

    private CsvTable() {}

    static List<Record> parse(String text) {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = detectDelimiter(text);
        List<Record> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r') {
                // part of CRLF
            } else if (ch == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                addRecord(records, recordLine, cells);
                cells = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new ImportFileException(recordLine, "Незакрытые кавычки в записи, начатой в строке " + recordLine);
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            addRecord(records, recordLine, cells);
        }
        return records;
    }

    private static void addRecord(List<Record> records, int line, List<String> cells) {
        boolean blank = cells.stream().allMatch(String::isBlank);
        if (!blank) {
            records.add(new Record(line, cells));
        }
    }

    private static char detectDelimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long semicolons = header.chars().filter(c -> c == ';').count();
        long commas = header.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }
}
