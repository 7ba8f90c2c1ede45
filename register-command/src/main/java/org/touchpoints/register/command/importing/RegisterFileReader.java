package org.touchpoints.register.command.importing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.touchpoints.register.api.row.Channel;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterCsv;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;

/**
 * Reads an existing register table (six- or five-column template, Russian headers as in the procedures or the
 * headers of the shared CSV) into rows, keeping each row's line number for the report. Need codes come from
 * the interaction text ({@link NeedsFromText}); the channel from the features text («цифровой»/«офлайн»),
 * or, when the features say neither, from the address (a URL or e-mail is digital); the touchpoint's type (a phone is
 * offline) prevails over the features text. A blank direction or process cell (a table laid out by groups) is the one
 * above. Every such inference is a warning of its line ({@link Inferences}).
 * A five-column table has no direction column: each process then forms its own group. The № column is kept with each
 * row ({@link ParsedRow#groupNo}), so the register can number its groups as the authority did.
 */
public final class RegisterFileReader {
    /** {@code groupNo}: the row's № in the file (a blank cell continues the group above); null when not a number. */
    public record ParsedRow(int line, RowContent row, Integer groupNo) {
        public ParsedRow(int line, RowContent row) {
            this(line, row, null);
        }
    }

    public record LineError(int line, String message) {}

    /** {@code warnings}: what was inferred on each line ({@link Inferences}), for the administrator to read. */
    public record Parsed(List<ParsedRow> rows, List<LineError> errors, List<Inferences.Warning> warnings) {
        public Parsed(List<ParsedRow> rows, List<LineError> errors) {
            this(rows, errors, List.of());
        }
    }

    enum Column {
        GROUP,
        DIRECTION,
        PROCESS,
        TOUCHPOINT,
        INTERACTION,
        FEATURES
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "(https?://\\S+|www\\.\\S+|[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+|(\\+7|8)\\s*[\\(\\-]?\\s*\\d{3,5}\\s*\\)?[\\s\\d-]{5,}|\\d{6},\\s*г\\.)");

    private static final Pattern GROUP_NO = Pattern.compile("(\\d+)[.)]?");

    /** A register is a few hundred rows; a table much longer than any register is refused, not imported for minutes. */
    public static final int MAX_ROWS = 5000;

    private RegisterFileReader() {}

    /** A CSV; a cell made inert against formula injection ({@link RegisterCsv#inert}) is read back as it was. */
    public static Parsed readCsv(String text) {
        List<CsvTable.Record> records;
        try {
            records = CsvTable.parse(text).stream()
                    .map(r -> new CsvTable.Record(
                            r.line(),
                            r.cells().stream().map(RegisterCsv::restored).toList()))
                    .toList();
        } catch (ImportFileException e) {
            return new Parsed(List.of(), List.of(new LineError(e.line(), e.getMessage())));
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), List.of(new LineError(1, "Файл пуст")));
        }
        if (records.size() - 1 > MAX_ROWS) {
            return new Parsed(
                    List.of(),
                    List.of(new LineError(
                            records.get(MAX_ROWS + 1).line(),
                            "В таблице больше " + MAX_ROWS
                                    + " строк: столько строк перечень не содержит; проверьте, тот ли это файл")));
        }
        return read(records);
    }

    /**
     * The first sheet of an Excel workbook (.xlsx), read as {@link XlsxTable} describes. A file that is not a
     * readable workbook is reported as an error on line 1; this method does not throw.
     */
    public static Parsed readXlsx(byte[] file) {
        List<CsvTable.Record> records;
        try {
            records = XlsxTable.parse(file == null ? new byte[0] : file);
        } catch (ImportFileException e) {
            return new Parsed(List.of(), List.of(new LineError(e.line(), e.getMessage())));
        } catch (RuntimeException e) {
            return new Parsed(List.of(), List.of(new LineError(1, "Файл не читается как книга Excel (.xlsx)")));
        }
        if (records.isEmpty()) {
            return new Parsed(List.of(), List.of(new LineError(1, "Файл пуст")));
        }
        return read(records);
    }

    /**
     * The register's table in a Word document (.docx), read as {@link DocxTable} describes; a file that is not a
     * readable document is reported as an error on line 1; this method does not throw.
     */
    public static Parsed readDocx(byte[] file) {
        List<CsvTable.Record> records;
        try {
            records = DocxTable.parse(file == null ? new byte[0] : file);
        } catch (ImportFileException e) {
            return new Parsed(List.of(), List.of(new LineError(e.line(), e.getMessage())));
        }
        return read(records);
    }

    /** Maps records (the first one the header) of a CSV or a sheet onto rows; shared by both file kinds. */
    static Parsed read(List<CsvTable.Record> records) {
        CsvTable.Record header = records.get(0);
        Map<Column, Integer> columns = columns(header.cells());
        List<LineError> errors = new ArrayList<>();
        for (Column required : List.of(Column.PROCESS, Column.TOUCHPOINT, Column.INTERACTION)) {
            if (!columns.containsKey(required)) {
                errors.add(new LineError(header.line(), "Не найден столбец «" + title(required) + "» в заголовке"));
            }
        }
        if (!errors.isEmpty()) {
            return new Parsed(List.of(), errors);
        }
        List<ParsedRow> rows = new ArrayList<>();
        Integer group = null;
        List<Inferences.Warning> warnings = new ArrayList<>();
        String processAbove = null;
        String directionAbove = null;
        for (CsvTable.Record r : records.subList(1, records.size())) {
            if (repeatsTheHeader(r, header)) {
                // the header repeated where the table continues on a new page, as seed 004's table stands in its text
                warnings.add(new Inferences.Warning(
                        r.line(),
                        "header",
                        "Строка повторяет заголовок таблицы (перенос "
                                + "таблицы на следующую страницу): пропущена, строкой перечня не считается"));
                continue;
            }
            group = groupNo(cell(r, columns, Column.GROUP), group);
            List<Inferences.Warning> line = new ArrayList<>();
            String process = Inferences.continued(
                    r.line(), "process", "Наименование процесса", cell(r, columns, Column.PROCESS), processAbove, line);
            String direction = columns.containsKey(Column.DIRECTION)
                    ? Inferences.continued(
                            r.line(),
                            "direction",
                            "Направление деятельности",
                            cell(r, columns, Column.DIRECTION),
                            directionAbove,
                            line)
                    : process;
            processAbove = Text.isBlank(process) ? processAbove : process;
            directionAbove = Text.isBlank(direction) ? directionAbove : direction;
            String touchpointCell = cell(r, columns, Column.TOUCHPOINT);
            String interaction = cell(r, columns, Column.INTERACTION);
            String features = cell(r, columns, Column.FEATURES);
            if (r.cells().size() > header.cells().size()) {
                errors.add(new LineError(
                        r.line(),
                        "Лишние ячейки: " + r.cells().size() + " вместо "
                                + header.cells().size()));
                continue;
            }
            if (Text.isBlank(process)
                    || Text.isBlank(touchpointCell)
                    || Text.isBlank(interaction)
                    || Text.isBlank(direction)) {
                errors.add(new LineError(
                        r.line(),
                        "Не заполнены обязательные ячейки (процесс, точка взаимодействия, взаимодействие с клиентом)"));
                continue;
            }
            if (r.cells().stream().anyMatch(Identity::hasInvisibleCharacters)) {
                errors.add(new LineError(
                        r.line(),
                        "Строка содержит невидимые символы (пробел нулевой ширины, знаки "
                                + "направления письма, мягкий перенос): удалите их в исходной таблице"));
                continue;
            }
            String[] nameAndAddress = Inferences.split(r.line(), touchpointCell.strip(), ADDRESS, line);
            Channel channel =
                    Inferences.channel(r.line(), Text.clean(nameAndAddress[0]), nameAndAddress[1], features, line);
            NeedsFromText.Mapped needs = Inferences.needs(r.line(), interaction, line);
            warnings.addAll(line);
            rows.add(new ParsedRow(
                    r.line(),
                    new RowContent(
                            Text.clean(direction),
                            Text.clean(process),
                            new Touchpoint(Text.clean(nameAndAddress[0]), channel, nameAndAddress[1]),
                            needs.needs(),
                            needs.otherNeed(),
                            interaction.strip(),
                            Text.isBlank(features) ? null : features.strip(),
                            null),
                    group));
        }
        return new Parsed(rows, errors, warnings);
    }

    /** A row whose every cell reads as the header's (a header repeated at a page break). */
    static boolean repeatsTheHeader(CsvTable.Record r, CsvTable.Record header) {
        List<String> cells = r.cells();
        int filled = 0;
        for (int i = 0; i < Math.max(cells.size(), header.cells().size()); i++) {
            String a = i < cells.size() ? Text.key(cells.get(i)) : "";
            String b = i < header.cells().size() ? Text.key(header.cells().get(i)) : "";
            if (!a.equals(b)) {
                return false;
            }
            filled += a.isEmpty() ? 0 : 1;
        }
        return filled >= 2;
    }

    /**
     * The № of a row: a whole number («3», «3.»); a blank cell continues the group above; anything else is no number
     * (then the register numbers its groups itself, see {@code RegisterLayout}).
     */
    static Integer groupNo(String cell, Integer above) {
        if (Text.isBlank(cell)) {
            return above;
        }
        Matcher m = GROUP_NO.matcher(cell.strip());
        if (!m.matches() || m.group(1).length() > 6) {
            return null;
        }
        int n = Integer.parseInt(m.group(1));
        return n > 0 ? n : null;
    }

    /** The touchpoint cell holds the name and, after it, the address (URL, e-mail, phones, postal address). */
    static String[] splitTouchpoint(String cell) {
        return Inferences.split(0, cell, ADDRESS, new ArrayList<>());
    }

    private static String cell(CsvTable.Record r, Map<Column, Integer> columns, Column c) {
        Integer i = columns.get(c);
        return i == null || i >= r.cells().size() ? null : r.cells().get(i);
    }

    static Map<Column, Integer> columns(List<String> headers) {
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String h = Text.key(headers.get(i));
            Column c = null;
            if (h.equals("№") || h.equals("n") || h.startsWith("group") || h.startsWith("№ ")) {
                c = Column.GROUP;
            } else if (h.equals("direction") || h.startsWith("направление деятельности")) {
                c = Column.DIRECTION;
            } else if (h.equals("process") || h.contains("процесс")) {
                c = Column.PROCESS;
            } else if (h.equals("touchpoint") || h.startsWith("точка взаимодействия")) {
                c = Column.TOUCHPOINT;
            } else if (h.equals("interaction") || h.startsWith("осуществляемое") || h.contains("потребности")) {
                c = Column.INTERACTION;
            } else if (h.equals("features") || h.startsWith("особенности")) {
                c = Column.FEATURES;
            }
            if (c != null) {
                columns.putIfAbsent(c, i);
            }
        }
        return columns;
    }

    private static String title(Column c) {
        return switch (c) {
            case GROUP -> "№";
            case DIRECTION -> "Направление деятельности органа власти";
            case PROCESS -> "Наименование конкретного процесса";
            case TOUCHPOINT -> "Точка взаимодействия";
            case INTERACTION -> "Осуществляемое взаимодействие с клиентом";
            case FEATURES -> "Особенности взаимодействия с клиентом";
        };
    }
}
