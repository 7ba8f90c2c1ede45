package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.touchpoints.register.api.row.RegisterCsv;

/**
 * The register's CSV for people opens in Russian Excel (UTF-8 with a byte-order mark, «;»), while the canonical CSV
 * whose SHA-256 a publication records stays byte for byte what it was; the audit CSV is in the register's time and
 * in words.
 */
class ExcelCsvIT extends ApplicationIT {

    @Test
    void theExcelCsvHasABomAndSemicolonsAndTheCanonicalCsvStillMatchesThePublishedHash() {
        String register = newRegister();
        approvedChange(register, "Официальный сайт, раздел «Лицензирование»");
        String sha256 = ok(api.as("publisher")
                        .post(
                                "/api/v1/registers/" + register + "/publications",
                                Map.of("url", "https://gzhi.admin-smolensk.ru/perechen")))
                .json()
                .get("sha256")
                .asString();

        byte[] canonical = api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv&version=1");
        assertThat(RegisterCsv.sha256(canonical)).isEqualTo(sha256);
        assertThat(new String(canonical, StandardCharsets.UTF_8)).startsWith("№,");

        for (String path : new String[] {
            "/api/v1/registers/" + register + "/export?format=csv-excel&version=1",
            "/public/" + register + "/export?format=csv-excel"
        }) {
            byte[] excel = path.startsWith("/public")
                    ? Api.at(port).bytes(path)
                    : api.as("auditor").bytes(path);
            assertThat(excel).as(path).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
            String text = new String(excel, StandardCharsets.UTF_8);
            assertThat(text)
                    .as(path)
                    .startsWith("\uFEFF№;Направление деятельности органа власти;")
                    .contains(";\"Официальный сайт, раздел «Лицензирование»");
            assertThat(RegisterCsv.sha256(excel)).isNotEqualTo(sha256);
        }
        Api.Response excel = api.as("auditor").get("/api/v1/registers/" + register + "/export?format=csv-excel");
        assertThat(excel.header("Content-Disposition")).contains(register + "-excel.csv");
    }

    @Test
    void theAuditCsvIsInTheRegistersTimeWithEventsAndPeopleInWords() {
        String register = newRegister();
        approvedChange(register, "Телефон горячей линии");

        String csv = ok(api.as("auditor").get("/api/v1/registers/" + register + "/history/export"))
                .body();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF№;Время (московское время);Событие;Кто;Изменение;Содержание");
        assertThat(csv)
                .contains("\"20.12.2024 12:00:00\";\"Утверждено заместителем руководителя\";\"deputy\"")
                .contains("Подразделение: Отдел лицензирования")
                .doesNotContain("DeputyApproved")
                .doesNotContain("2024-12-20T09:00:00Z")
                .doesNotContain("{\"");
    }
}
