package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import tools.jackson.databind.JsonNode;

/**
 * The import hides nothing (issue 11): the real 000 register's report lists, line by line, every cell the importer
 * inferred, shows the rows as they will be recorded, and a DOCX laid out like seed 000's table imports to the same rows.
 */
class ImportReportIT extends ApplicationIT {
    static final Path GZHI = Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv");

    @Test
    void theRealRegistersReportListsEveryInferredCellAndTheRowsAsRecorded() throws Exception {
        String register = emptyRegister();
        byte[] csv = Files.readAllBytes(GZHI);

        JsonNode dryRun = ok(api.as("admin")
                        .postMultipart("/api/v1/registers/" + register + "/import?dryRun=true", "gzhi.csv", csv))
                .json();
        Map<Integer, Set<String>> inferred = new HashMap<>();
        dryRun.get("warnings")
                .forEach(w -> inferred.computeIfAbsent(w.get("line").asInt(), k -> new HashSet<>())
                        .add(w.get("field").asString()));
        JsonNode rows = dryRun.get("rows");
        assertThat(rows).hasSize(64);
        for (JsonNode row : rows) {
            int line = row.get("line").asInt();
            // the file has no channel and no need codes: every line says how they were read
            assertThat(inferred.get(line)).as("line " + line).contains("touchpoint.channel", "needs");
            boolean split = row.get("touchpoint").hasNonNull("address");
            assertThat(inferred.get(line).contains("touchpoint.address"))
                    .as("line " + line + " split")
                    .isEqualTo(split);
        }
        JsonNode bookkeepingPhone = rows.get(60);
        assertThat(bookkeepingPhone.get("line").asInt()).isEqualTo(62);
        assertThat(bookkeepingPhone.get("touchpoint").get("channel").asString()).isEqualTo("OFFLINE");
        assertThat(bookkeepingPhone.get("features").asString()).isEqualTo("Взаимодействие в цифровой точке");
        assertThat(messages(dryRun, 62, "touchpoint.channel"))
                .singleElement()
                .satisfies(m -> assertThat(m).contains("Телефон"));
        assertThat(rows.get(0).get("needs").toString())
                .as("consultation is kept beside the submission")
                .isEqualTo("[1,2,3,4]");
        assertThat(dryRun.get("duplicates")).hasSize(3);

        JsonNode imported = ok(api.as("admin")
                        .postMultipart("/api/v1/registers/" + register + "/import", "gzhi.csv", csv))
                .json();
        assertThat(imported.get("imported").asInt()).isEqualTo(64);
        assertThat(imported.get("duplicates"))
                .as("the three duplicates the real register keeps stay visible")
                .hasSize(3);
        JsonNode recorded =
                api.as("auditor").get("/api/v1/registers/" + register + "/rows").json();
        assertThat(recorded).hasSize(64);
        assertThat(essentials(recorded))
                .as("the rows recorded are the rows the dry run showed")
                .containsExactlyInAnyOrderElementsOf(essentials(rows));
    }

    @Test
    void aWordTableLikeSeed000sWithMergedGroupCellsImportsToTheSameRowsAsItsCsv() throws Exception {
        byte[] csv = Files.readAllBytes(GZHI);
        String fromCsv = emptyRegister();
        ok(api.as("admin").postMultipart("/api/v1/registers/" + fromCsv + "/import", "gzhi.csv", csv));
        String fromDocx = emptyRegister();
        byte[] docx = seedLikeDocx(dataRows(csv));

        JsonNode report = ok(api.as("admin")
                        .postMultipart("/api/v1/registers/" + fromDocx + "/import", "perechen.docx", docx))
                .json();

        assertThat(report.get("imported").asInt()).isEqualTo(64);
        assertThat(report.get("duplicates")).hasSize(3);
        assertThat(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + fromDocx + "/rows")
                        .json()))
                .isEqualTo(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + fromCsv + "/rows")
                        .json()));
    }

    private static List<String> essentials(JsonNode rows) {
        List<String> list = new ArrayList<>();
        rows.forEach(r -> list.add(String.join(
                " | ",
                r.get("direction").asString(),
                r.get("process").asString(),
                r.get("touchpoint").toString(),
                r.get("needs").toString(),
                String.valueOf(r.get("otherNeed")),
                r.get("interaction").asString(),
                r.get("features").asString())));
        return list;
    }

    private static List<String> messages(JsonNode report, int line, String field) {
        List<String> list = new ArrayList<>();
        report.get("warnings").forEach(w -> {
            if (w.get("line").asInt() == line && w.get("field").asString().equals(field)) {
                list.add(w.get("message").asString());
            }
        });
        return list;
    }

    /** Seed 000's form: a title, the header, a row numbering the columns, №/direction/process merged down their group. */
    private static byte[] seedLikeDocx(List<List<String>> rows) throws Exception {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph()
                    .createRun()
                    .setText("Перечень точек взаимодействия Главного управления "
                            + "«Государственная жилищная инспекция Смоленской области»");
            List<String> header = List.of(
                    "№ п/п",
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
                    boolean continues = c <= 2 && r > 0 && sameGroup(rows, r, c);
                    if (continues) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                    } else {
                        if (c <= 2 && r + 1 < rows.size() && sameGroup(rows, r + 1, c)) {
                            cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                        }
                        cell.setText(rows.get(r).get(c));
                    }
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static boolean sameGroup(List<List<String>> rows, int r, int c) {
        for (int i = 0; i <= c; i++) {
            if (!rows.get(r).get(i).equals(rows.get(r - 1).get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> withoutIds(JsonNode rows) {
        List<String> list = new ArrayList<>();
        rows.forEach(r -> {
            var copy = (tools.jackson.databind.node.ObjectNode) r.deepCopy();
            copy.remove("rowId");
            list.add(copy.toString());
        });
        return list;
    }

    /** The data rows of the shared CSV (its header left out). */
    private static List<List<String>> dataRows(byte[] csv) {
        List<List<String>> rows = TestCsv.rows(new String(csv, StandardCharsets.UTF_8));
        return rows.subList(1, rows.size());
    }
}
