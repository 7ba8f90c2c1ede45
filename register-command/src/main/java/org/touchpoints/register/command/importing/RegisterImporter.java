package org.touchpoints.register.command.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.touchpoints.register.api.register.ImportRowsCommand;
import org.touchpoints.register.api.row.Identity;
import org.touchpoints.register.api.row.RegisterRow;
import org.touchpoints.register.api.row.RowContent;
import org.touchpoints.register.api.row.Text;
import org.touchpoints.register.api.row.Touchpoint;
import org.touchpoints.register.command.config.CommandClock;
import org.touchpoints.register.command.lookup.ProcessOwnerLookup;
import org.touchpoints.register.command.register.RowRules;

/**
 * Initial formation of a register from an existing table (CSV, an Excel workbook or a Word document's table). Reads the whole file
 * first; a file with any error records nothing. Duplicate touchpoints within a process are reported (and
 * imported as they stand: the register is taken as the authority approved it; fixing it is a change like any
 * other).
 */
@Service
public class RegisterImporter {
    public record Duplicate(String process, String touchpoint, List<Integer> rows) {}

    /**
     * @param imported rows recorded (0 for a dry run or a refused file)
     * @param readable rows of the file that were read without error (what a dry run would import)
     * @param warnings every inference, per line: what the file did not say and the importer read into the row
     * @param rows     the rows exactly as they will be recorded (the division is the owner of the process)
     */
    public record Report(
            int imported,
            int readable,
            boolean dryRun,
            List<Duplicate> duplicates,
            List<RegisterFileReader.LineError> errors,
            List<Inferences.Warning> warnings,
            List<RecordedRow> rows) {
        public Report(
                int imported,
                int readable,
                boolean dryRun,
                List<Duplicate> duplicates,
                List<RegisterFileReader.LineError> errors) {
            this(imported, readable, dryRun, duplicates, errors, List.of(), List.of());
        }
    }

    /**
     * A row of the file as the register will record it; {@code groupNo} is the file's № of its group (null where the
     * file gives none and the register numbers the group itself).
     */
    public record RecordedRow(
            int line,
            Integer groupNo,
            String direction,
            String process,
            Touchpoint touchpoint,
            List<Integer> needs,
            String otherNeed,
            String interaction,
            String features) {
        static RecordedRow of(int line, Integer groupNo, RowContent c) {
            return new RecordedRow(
                    line,
                    groupNo,
                    c.direction(),
                    c.process(),
                    c.touchpoint(),
                    c.needs(),
                    c.otherNeed(),
                    c.interaction(),
                    c.features());
        }
    }

    private final CommandGateway commands;
    private final CommandClock clock;

    private final ProcessOwnerLookup owners;

    public RegisterImporter(CommandGateway commands, CommandClock clock, ProcessOwnerLookup owners) {
        this.commands = commands;
        this.clock = clock;
        this.owners = owners;
    }

    /** A CSV (UTF-8) file: {@link #importFile} for a file known to be CSV. */
    public Report importCsv(String registerId, byte[] file, String source, String actor, boolean dryRun) {
        return importParsed(registerId, parseCsv(file), source, actor, dryRun);
    }

    /**
     * A register file, CSV or Excel: an Excel workbook (.xlsx) when the name says so or the content is a zip
     * (starts with «PK»), otherwise CSV in UTF-8.
     */
    public Report importFile(String registerId, byte[] file, String fileName, String actor, boolean dryRun) {
        return importParsed(registerId, parse(file, fileName), fileName, actor, dryRun);
    }

    static RegisterFileReader.Parsed parse(byte[] file, String fileName) {
        if (isDocx(file, fileName)) {
            return RegisterFileReader.readDocx(file);
        }
        return isXlsx(file, fileName) ? RegisterFileReader.readXlsx(file) : parseCsv(file);
    }

    /** A Word document: named .docx, or a zip that holds {@code word/document.xml} (zip entry names are plain text). */
    static boolean isDocx(byte[] file, String fileName) {
        if (fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".docx")) {
            return true;
        }
        boolean named =
                fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        boolean zip = file != null && file.length >= 2 && file[0] == 'P' && file[1] == 'K';
        return !named && zip && new String(file, StandardCharsets.ISO_8859_1).contains("word/document.xml");
    }

    static boolean isXlsx(byte[] file, String fileName) {
        boolean named =
                fileName != null && fileName.strip().toLowerCase(Locale.ROOT).endsWith(".xlsx");
        boolean zip = file != null && file.length >= 2 && file[0] == 'P' && file[1] == 'K';
        return named || zip;
    }

    static RegisterFileReader.Parsed parseCsv(byte[] file) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            return new RegisterFileReader.Parsed(
                    List.of(),
                    List.of(new RegisterFileReader.LineError(
                            1, "Файл не в кодировке UTF-8: сохраните таблицу как «CSV UTF-8»")));
        }
        return RegisterFileReader.readCsv(text);
    }

    private Report importParsed(
            String registerId, RegisterFileReader.Parsed parsed, String source, String actor, boolean dryRun) {
        List<Duplicate> duplicates = duplicates(parsed.rows());
        parsed = withSharedProcessWarnings(registerId, parsed);
        List<RecordedRow> recorded = new ArrayList<>();
        for (RegisterFileReader.ParsedRow r : parsed.rows()) {
            RowContent c =
                    RowRules.rowIsComplete(r.row(), "row").isEmpty() ? RowRules.normalise(r.row(), null) : r.row();
            recorded.add(RecordedRow.of(r.line(), r.groupNo(), c));
        }
        if (!parsed.errors().isEmpty() || dryRun) {
            return new Report(
                    0, parsed.rows().size(), dryRun, duplicates, parsed.errors(), parsed.warnings(), recorded);
        }
        List<RegisterRow> rows = new ArrayList<>();
        for (RegisterFileReader.ParsedRow r : parsed.rows()) {
            String rowId = UUID.nameUUIDFromBytes(
                            (registerId + "/" + source + "/" + r.line()).getBytes(StandardCharsets.UTF_8))
                    .toString();
            rows.add(new RegisterRow(rowId, r.row(), r.groupNo()));
        }
        Integer imported = commands.sendAndWait(new ImportRowsCommand(registerId, rows, source, actor, clock.now()));
        return new Report(imported, parsed.rows().size(), false, duplicates, List.of(), parsed.warnings(), recorded);
    }

    /**
     * A row of a process several divisions run (000 §2.6, 003 §2.3) that names no division stays without one: the
     * register cannot tell whose actions it lists. Each such row is reported; a specialist of one of the divisions
     * claims it by proposing an edit.
     */
    private RegisterFileReader.Parsed withSharedProcessWarnings(String registerId, RegisterFileReader.Parsed parsed) {
        List<Inferences.Warning> warnings = new ArrayList<>(parsed.warnings());
        Map<String, List<String>> ownersByProcess = new HashMap<>();
        for (RegisterFileReader.ParsedRow r : parsed.rows()) {
            if (r.row() == null
                    || Text.isBlank(r.row().process())
                    || !Text.isBlank(r.row().division())) {
                continue;
            }
            List<String> divisions = ownersByProcess.computeIfAbsent(
                    Identity.name(r.row().process()),
                    k -> owners.ownersOf(registerId, r.row().process()));
            if (divisions.size() > 1) {
                warnings.add(
                        new Inferences.Warning(
                                r.line(),
                                "division",
                                "Процесс «" + r.row().process().strip()
                                        + "» ведут несколько подразделений («" + String.join("», «", divisions)
                                        + "»): строка загружается "
                                        + "без подразделения; специалист своего подразделения укажет его, предложив изменение строки"));
            }
        }
        return warnings.size() == parsed.warnings().size()
                ? parsed
                : new RegisterFileReader.Parsed(parsed.rows(), parsed.errors(), warnings);
    }

    static List<Duplicate> duplicates(List<RegisterFileReader.ParsedRow> rows) {
        Map<String, List<RegisterFileReader.ParsedRow>> byTouchpoint = new LinkedHashMap<>();
        for (RegisterFileReader.ParsedRow r : rows) {
            byTouchpoint
                    .computeIfAbsent(r.row().touchpointKey(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Duplicate> duplicates = new ArrayList<>();
        for (List<RegisterFileReader.ParsedRow> same : byTouchpoint.values()) {
            if (same.size() > 1) {
                duplicates.add(new Duplicate(
                        same.get(0).row().process(),
                        same.get(0).row().touchpoint().name(),
                        same.stream().map(RegisterFileReader.ParsedRow::line).toList()));
            }
        }
        return duplicates;
    }
}
