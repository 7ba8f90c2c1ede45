package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.Template;

/**
 * A register's procedure carries its template's column headers (003 §1.3 for Новосибирск): the people's files
 * (XLSX, DOCX, csv-excel) and the register's page show them, while the canonical CSV, whose SHA-256 a publication
 * records, keeps the template's headers byte for byte.
 */
class ColumnHeadersIT extends ApplicationIT {
    static final List<String> SECTION_1_3 = List.of(
            "Номер группы процессов",
            "Наименование группы процессов",
            "Наименование конкретного процесса",
            "Точка взаимодействия",
            "Осуществляемое взаимодействие с клиентом",
            "Особенности взаимодействия с клиентом");
    static final String TABLE = String.join(
            "\r\n",
            String.join(",", Template.SIX_COLUMN.headers()),
            "1,Государственный контроль (надзор),Региональный государственный строительный надзор,Официальный сайт инспекции,Информирование о требованиях,Цифровая точка",
            "");

    private String novosibirsk(Map<String, Object> procedure) {
        String id = "nsk-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                id,
                                "authority",
                                "Инспекция государственного строительного надзора Новосибирской области",
                                "procedure",
                                procedure)));
        return id;
    }

    private static List<String> headerRow(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = workbook.getSheetAt(0).getRow(1);
            List<String> cells = new ArrayList<>();
            for (Cell c : header) {
                cells.add(c.getStringCellValue());
            }
            return cells;
        }
    }

    @Test
    void novosibirskFilesAndPageNameTheColumnsAsSection13AndTheCanonicalCsvStaysAsItWas() throws Exception {
        String register = novosibirsk(Map.of("preset", "NOVOSIBIRSK_GSN"));
        assertThat(texts(api.as("admin")
                        .get("/api/v1/registers/" + register)
                        .json()
                        .get("procedure")
                        .get("columnHeaders")))
                .containsExactlyElementsOf(SECTION_1_3);
        String plain = newRegister();
        for (String r : List.of(register, plain)) {
            ok(api.as("admin")
                    .postMultipart(
                            "/api/v1/registers/" + r + "/import",
                            "perechen.csv",
                            TABLE.getBytes(StandardCharsets.UTF_8)));
        }

        String export = "/api/v1/registers/" + register + "/export?format=";
        assertThat(headerRow(api.as("auditor").bytes(export + "xlsx"))).containsExactlyElementsOf(SECTION_1_3);
        assertThat(headerRow(api.as("auditor").bytes("/api/v1/registers/" + plain + "/export?format=xlsx")))
                .as("a register without a procedure: as today")
                .containsExactlyElementsOf(Template.SIX_COLUMN.headers());
        assertThat(new String(api.as("auditor").bytes(export + "csv-excel"), StandardCharsets.UTF_8))
                .startsWith("\uFEFF" + String.join(";", SECTION_1_3) + "\r\n");
        assertThat(unzipped(api.as("auditor").bytes(export + "docx"), "word/document.xml"))
                .contains("Номер группы процессов", "Наименование группы процессов");

        byte[] canonical = api.as("auditor").bytes(export + "csv");
        assertThat(new String(canonical, StandardCharsets.UTF_8))
                .startsWith(String.join(",", Template.SIX_COLUMN.headers()) + "\r\n")
                .doesNotContain("Номер группы процессов");
        assertThat(canonical)
                .as("byte for byte the CSV of the same rows in a register without headers of its own")
                .isEqualTo(api.as("auditor").bytes("/api/v1/registers/" + plain + "/export?format=csv"));

        FormSignIn browser = new FormSignIn(port);
        FormSignIn.Result session = browser.signIn("auditor", "demo");
        String page = browser.get("/registers/" + register, session.cookie()).body();
        assertThat(page).contains("Номер группы процессов", "Наименование группы процессов");
    }

    @Test
    void columnHeadersMustFitTheTemplate() {
        Api.Response refused = api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                "nsk-five",
                                "authority",
                                "Инспекция",
                                "template",
                                "SIX_COLUMN",
                                "procedure",
                                Map.of(
                                        "preset",
                                        "NOVOSIBIRSK_GSN",
                                        "columnHeaders",
                                        List.of("№", "Процесс", "Точка", "Потребности", "Особенности"))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.body()).contains("procedure.columnHeaders");

        String other = "nsk5-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers",
                        Map.of(
                                "id",
                                other,
                                "authority",
                                "Инспекция",
                                "template",
                                "FIVE_COLUMN",
                                "procedure",
                                Map.of("preset", "NOVOSIBIRSK_GSN", "directions", List.of()))));
        assertThat(api.as("admin")
                        .get("/api/v1/registers/" + other)
                        .json()
                        .get("procedure")
                        .get("columnHeaders")
                        .isNull())
                .as("the preset's headers are for six columns: a five-column register keeps its template's")
                .isTrue();
    }

    private static List<String> texts(tools.jackson.databind.JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    private static String unzipped(byte[] zip, String entry) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(entry)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("No " + entry);
    }
}
