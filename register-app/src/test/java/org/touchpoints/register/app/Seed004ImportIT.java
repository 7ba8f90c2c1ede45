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
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import tools.jackson.databind.JsonNode;

/**
 * The register at the end of seed 004 (Минпромторг Смоленской области, five columns), typed from the seed as its table
 * stands ({@code fixtures/seed-004-minpromtorg-smolensk.csv}: blank continuation cells, the header repeated at page
 * breaks), and the same table as a Word document laid out like the seed's (№ and process merged down their group):
 * both import with a report whose warnings name every inferred cell, to the same rows, and export to the same cells.
 */
class Seed004ImportIT extends ApplicationIT {
    static final Path TABLE = Path.of("src/test/resources/fixtures/seed-004-minpromtorg-smolensk.csv");

    @Test
    void theSeedsTableImportsWithEveryInferredCellReportedAndReExportsToTheSameCells() throws Exception {
        byte[] csv = Files.readAllBytes(TABLE);
        List<List<String>> file = TestCsv.rows(new String(csv, StandardCharsets.UTF_8)); // with its header, line 1
        String register = minpromtorg();

        JsonNode dryRun = ok(api.as("admin")
                        .postMultipart(
                                "/api/v1/registers/" + register + "/import?dryRun=true", "perechen-004.csv", csv))
                .json();

        assertThat(dryRun.get("errors")).isEmpty();
        Map<Integer, Set<String>> inferred = new HashMap<>();
        dryRun.get("warnings")
                .forEach(w -> inferred.computeIfAbsent(w.get("line").asInt(), k -> new HashSet<>())
                        .add(w.get("field").asString()));
        JsonNode rows = dryRun.get("rows");
        assertThat(rows).hasSize(19);
        Set<Integer> rowLines = new HashSet<>();
        for (JsonNode row : rows) {
            int line = row.get("line").asInt();
            rowLines.add(line);
            List<String> cells = file.get(line - 1);
            Set<String> fields = inferred.getOrDefault(line, Set.of());
            assertThat(fields)
                    .as("line " + line + ": no channel column, no need codes")
                    .contains("touchpoint.channel", "needs");
            assertThat(fields.contains("process"))
                    .as("line " + line + ": a blank process cell read as the one above")
                    .isEqualTo(cells.get(1).isBlank());
            assertThat(fields.contains("touchpoint.address"))
                    .as("line " + line + ": the cell split into name and address")
                    .isEqualTo(row.get("touchpoint").hasNonNull("address"));
            assertThat(fields.contains("touchpoint.name"))
                    .as("line " + line + ": an address in brackets kept in the name")
                    .isEqualTo(cells.get(2).contains("(ГИС ТОР КНД, https://tor.knd.gov.ru/)"));
        }
        assertThat(inferred.keySet())
                .as("every other warning is a header repeated at a page break")
                .containsAll(rowLines)
                .hasSize(rowLines.size() + 2);
        inferred.forEach((line, fields) -> {
            if (!rowLines.contains(line)) {
                assertThat(fields).containsExactly("header");
                assertThat(file.get(line - 1)).isEqualTo(file.get(0));
            }
        });
        List<Integer> groups = new ArrayList<>();
        rows.forEach(r -> groups.add(r.get("groupNo").asInt()));
        assertThat(groups)
                .as("the file's № kept")
                .containsExactly(1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 4, 5);
        JsonNode tor = rows.get(12).get("touchpoint");
        assertThat(tor.get("name").asString())
                .isEqualTo(
                        "Типовое облачное решение по осуществлению контрольно-надзорной деятельности (ГИС ТОР КНД, https://tor.knd.gov.ru/)");
        assertThat(tor.hasNonNull("address")).isFalse();
        assertThat(rows.get(2).get("touchpoint").get("channel").asString()).isEqualTo("OFFLINE");

        JsonNode imported = ok(api.as("admin")
                        .postMultipart("/api/v1/registers/" + register + "/import", "perechen-004.csv", csv))
                .json();
        assertThat(imported.get("imported").asInt()).isEqualTo(19);
        JsonNode recorded =
                api.as("auditor").get("/api/v1/registers/" + register + "/rows").json();
        assertThat(essentials(recorded))
                .as("recorded as the dry run showed")
                .containsExactlyElementsOf(essentials(rows));

        List<List<String>> exported = TestCsv.rows(new String(
                api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv"),
                StandardCharsets.UTF_8));
        assertThat(exported)
                .as("the export has the file's cells, each blank cell filled as the one above")
                .containsExactlyElementsOf(filledIn(file));
    }

    @Test
    void theSeedsTableAsAWordDocumentWithMergedCellsImportsToTheSameRowsAsItsCsv() throws Exception {
        byte[] csv = Files.readAllBytes(TABLE);
        List<List<String>> table = filledIn(TestCsv.rows(new String(csv, StandardCharsets.UTF_8)));
        String fromCsv = minpromtorg();
        ok(api.as("admin").postMultipart("/api/v1/registers/" + fromCsv + "/import", "perechen-004.csv", csv));
        String fromDocx = minpromtorg();

        JsonNode report = ok(api.as("admin")
                        .postMultipart(
                                "/api/v1/registers/" + fromDocx + "/import", "perechen-004.docx", seedLikeDocx(table)))
                .json();

        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("imported").asInt()).isEqualTo(19);
        Set<String> fields = new HashSet<>();
        report.get("warnings").forEach(w -> fields.add(w.get("field").asString()));
        assertThat(fields)
                .as("merged cells are the document's own, not inferred")
                .doesNotContain("process", "header")
                .contains("touchpoint.channel", "needs", "touchpoint.address", "touchpoint.name");
        assertThat(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + fromDocx + "/rows")
                        .json()))
                .isEqualTo(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + fromCsv + "/rows")
                        .json()));
        assertThat(api.as("auditor").bytes("/api/v1/registers/" + fromDocx + "/export?format=csv"))
                .isEqualTo(api.as("auditor").bytes("/api/v1/registers/" + fromCsv + "/export?format=csv"));
    }

    /** The header, then each data row with its blank № and process read as the row above; repeated headers left out. */
    private static List<List<String>> filledIn(List<List<String>> file) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(file.get(0));
        List<String> above = null;
        for (List<String> cells : file.subList(1, file.size())) {
            if (cells.equals(file.get(0))) {
                continue;
            }
            List<String> filled = new ArrayList<>(cells);
            for (int c = 0; c < 2; c++) {
                if (filled.get(c).isBlank() && above != null) {
                    filled.set(c, above.get(c));
                }
            }
            rows.add(filled);
            above = filled;
        }
        return rows;
    }

    /** Seed 004's form: a title, the header repeated on every page, № and process merged down their group. */
    private static byte[] seedLikeDocx(List<List<String>> table) throws Exception {
        List<String> header = table.get(0);
        List<List<String>> rows = table.subList(1, table.size());
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph()
                    .createRun()
                    .setText("ПЕРЕЧЕНЬ точек взаимодействия с клиентом по вопросам осуществления "
                            + "регионального государственного контроля (надзора)");
            XWPFTable t = doc.createTable(rows.size() + 1, header.size());
            t.getRow(0).setRepeatHeader(true);
            for (int c = 0; c < header.size(); c++) {
                t.getRow(0).getCell(c).setText(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < header.size(); c++) {
                    XWPFTableCell cell = t.getRow(r + 1).getCell(c);
                    boolean grouped = c <= 1;
                    if (grouped
                            && r > 0
                            && rows.get(r).get(0).equals(rows.get(r - 1).get(0))) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.CONTINUE);
                        continue;
                    }
                    if (grouped
                            && r + 1 < rows.size()
                            && rows.get(r + 1).get(0).equals(rows.get(r).get(0))) {
                        cell.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
                    }
                    cell.setText(rows.get(r).get(c));
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> essentials(JsonNode rows) {
        List<String> list = new ArrayList<>();
        rows.forEach(r -> list.add(String.join(
                " | ",
                String.valueOf(r.get("groupNo")),
                r.get("process").asString(),
                r.get("touchpoint").toString(),
                r.get("needs").toString(),
                String.valueOf(r.get("otherNeed")),
                r.get("interaction").asString(),
                r.get("features").asString())));
        return list;
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

    private String minpromtorg() {
        String id = "mpt-" + UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                "Министерство промышленности и торговли Смоленской области",
                                "procedure",
                                Map.of("preset", "SMOLENSK_MINPROMTORG"))));
        return id;
    }
}
