package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Initial formation of a register from a file, and the register's files back out, over HTTP. */
class ImportExportIT extends ApplicationIT {
    @Autowired
    EventStore eventStore;

    @Test
    void theGzhiRegisterImportsWithItsSixtyFourRowsAndReportsItsDuplicates() throws Exception {
        String register = emptyRegister();
        byte[] csv = Files.readAllBytes(Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"));

        Api.Response dryRun = ok(api.as("admin")
                .postMultipart("/api/v1/registers/" + register + "/import?dryRun=true", "gzhi.csv", csv));
        assertThat(dryRun.json().get("imported").asInt()).isZero();
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/rows")
                        .json())
                .as("a dry run records nothing")
                .isEmpty();

        Api.Response imported =
                ok(api.as("admin").postMultipart("/api/v1/registers/" + register + "/import", "gzhi.csv", csv));
        assertThat(imported.json().get("imported").asInt()).isEqualTo(64);
        JsonNode duplicates = imported.json().get("duplicates");
        assertThat(duplicates).hasSize(3);
        duplicates.forEach(d -> assertThat(d.get("process").asString()).isEqualTo(APPEALS_PROCESS));
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/rows")
                        .json())
                .hasSize(64);
        List<String> events = new ArrayList<>();
        api.as("auditor")
                .get("/api/v1/registers/" + register + "/history")
                .json()
                .forEach(e -> events.add(e.get("event").asString()));
        assertThat(events.stream().filter("RowImported"::equals).count())
                .as("the history starts at the import")
                .isEqualTo(64);

        Api.Response again =
                api.as("admin").postMultipart("/api/v1/registers/" + register + "/import", "gzhi.csv", csv);
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aMalformedFileIsRefusedWithLineNumbersAndRecordsNothing() {
        String register = emptyRegister();
        long before = eventStore.lastSequenceNumberFor(register).orElseThrow();
        String bad = "group_no,direction,process,touchpoint,interaction,features\n"
                + "1,Предоставление государственных услуг,Процесс,Сайт,Получение информации,Взаимодействие в цифровой точке\n"
                + "1,Предоставление государственных услуг,Процесс,,Получение информации,Взаимодействие в цифровой точке\n";
        Api.Response r = api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import", "bad.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(eventStore.lastSequenceNumberFor(register).orElseThrow()).isEqualTo(before);

        Api.Response notUtf8 = api.as("admin")
                .postMultipart("/api/v1/registers/" + register + "/import", "cp1251.csv", new byte[] {
                    (byte) 0xC0, (byte) 0xE1, (byte) 0xFF, ',', '\n'
                });
        assertThat(notUtf8.status()).isEqualTo(400);
        assertThat(api.as("initiator")
                        .postMultipart("/api/v1/registers/" + register + "/import", "x.csv", new byte[0])
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anXlsxMadeByOurExportRoundTripsToTheSameRows() throws Exception {
        String source = emptyRegister();
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + source + "/import",
                        "gzhi.csv",
                        Files.readAllBytes(Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"))));
        byte[] xlsx = exportBytes(source, "xlsx");
        byte[] docx = exportBytes(source, "docx");
        assertThat(docx).isNotEmpty();
        assertThat(exportBytes(source, "xlsx"))
                .as("the same register exported twice")
                .isEqualTo(xlsx);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getNumMergedRegions()).isPositive();
        }

        String copy = emptyRegister();
        Api.Response imported =
                ok(api.as("admin").postMultipart("/api/v1/registers/" + copy + "/import", "export.xlsx", xlsx));
        assertThat(imported.json().get("imported").asInt()).isEqualTo(64);
        assertThat(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + copy + "/rows")
                        .json()))
                .isEqualTo(withoutIds(api.as("auditor")
                        .get("/api/v1/registers/" + source + "/rows")
                        .json()));
    }

    private byte[] exportBytes(String register, String format) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/api/v1/registers/" + register + "/export?format=" + format))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("auditor:demo".getBytes()))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
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
}
