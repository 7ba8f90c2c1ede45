package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.touchpoints.register.api.row.RegisterCsv;

/** The deadline dashboard, the publisher's page, the public page, the audit page and the import page. */
class OversightPagesIT extends BrowserIT {
    private static final String HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";

    @Test
    void anOverdueChangeIsRedOnTheDashboardWithItsWorkingDaysAndTheRegisterFilterNarrowsIt() {
        String id = newRegister();
        String other = newRegister();
        String overdue = approvedChange(id, "Официальный сайт ГЖИ");
        approvedChange(other, "Телефон горячей линии");
        clock.set(Instant.parse("2025-02-03T09:00:00Z")); // due 14.01.2025: 14 working days later

        browser.login("initiator").open("/deadlines");
        browser.selectValue("registerId", id).click("#filters button[type=submit]");
        browser.find("#reset-filters");

        List<WebElement> rows = browser.all("#deadlines tbody tr");
        assertThat(rows).hasSize(1);
        WebElement row = rows.get(0);
        assertThat(row.getAttribute("data-change-id")).isEqualTo(overdue);
        assertThat(row.getAttribute("class")).contains("row-OVERDUE");
        assertThat(row.getText())
                .contains(
                        "Просрочено",
                        "просрочено на 14 рабочих дней",
                        "14.01.2025",
                        "Отдел лицензирования",
                        "Добавление: Официальный сайт ГЖИ");
        assertThat(row.findElement(org.openqa.selenium.By.cssSelector("a")).getAttribute("href"))
                .endsWith("/changes/" + overdue);
        assertThat(browser.text("#card-OVERDUE .big")).isEqualTo("1");
        assertThat(browser.text("#deadlines tbody")).doesNotContain("Телефон горячей линии");
    }

    @Test
    void thePublisherRecordsTheVersionWhoseHashThePageShowedAndThePublicPageShowsItWithoutLater() throws Exception {
        String id = newRegister();
        String change = approvedChange(id, "Официальный сайт ГЖИ");
        byte[] csv = ok(api.as("publisher").get("/api/v1/registers/" + id + "/export?format=csv"))
                .body()
                .getBytes(StandardCharsets.UTF_8);

        browser.login("publisher").open("/registers/" + id).click("#to-publish");
        assertThat(browser.text("#sha256")).isEqualTo(RegisterCsv.sha256(csv));
        assertThat(browser.text("#pending")).contains("Официальный сайт ГЖИ");
        String csvLink = browser.byId("download-csv").getAttribute("href");
        assertThat(ok(api.as("publisher")
                                .get(URI.create(csvLink).getRawPath() + "?"
                                        + URI.create(csvLink).getRawQuery()))
                        .body())
                .contains("Официальный сайт ГЖИ");

        browser.type("url", "ftp://uggi.admin-smolensk.ru/perechen").click("#publish-submit");
        assertThat(browser.text("#url-error")).contains("http://");

        browser.type("url", "https://uggi.admin-smolensk.ru/perechen").click("#publish-submit");
        assertThat(browser.text("#result-version")).isEqualTo("1");
        assertThat(browser.text("#result-sha256")).isEqualTo(RegisterCsv.sha256(csv));
        assertThat(browser.find("#result-covered a").getAttribute("href")).endsWith("/changes/" + change);
        assertThat(browser.text("#versions tbody"))
                .contains("https://uggi.admin-smolensk.ru/perechen", "в срок", "publisher");

        // A change approved while the publisher still has the page open: its hash no longer matches the content.
        approvedChange(id, "Телефон горячей линии");
        browser.type("url", "https://uggi.admin-smolensk.ru/perechen-2").click("#publish-submit");
        assertThat(browser.text("#publish-refusal")).contains("Перечень изменился");

        browser.open("/deadlines?registerId=" + id);
        assertThat(browser.find("tr[data-change-id='" + change + "']").getText())
                .contains("Опубликовано в срок");
        assertThat(browser.find("#chart svg").getAttribute("textContent")).contains("дек. 24");
        List<String> december = browser.all("#chart-data tbody tr").stream()
                .map(r -> r.getAttribute("textContent").strip())
                .filter(t -> t.startsWith("декабрь 2024"))
                .toList();
        assertThat(december).hasSize(1);
        assertThat(december.get(0).replaceAll("\\s+", " ")).isEqualTo("декабрь 2024 1 0");

        browser.driver().manage().deleteAllCookies();
        browser.open("/public");
        browser.type("q", id).go("#public-registers-search-submit");
        browser.find("#public-registers a[href$='/public/" + id + "']").click();
        assertThat(browser.text("#public-version")).isEqualTo("1");
        assertThat(browser.text("#public-sha256")).isEqualTo(RegisterCsv.sha256(csv));
        assertThat(browser.text("#public-table tbody"))
                .contains("Официальный сайт ГЖИ")
                .doesNotContain("Телефон");
        assertThat(new String(download("/public/" + id + "/export?format=csv"), StandardCharsets.UTF_8))
                .contains("Официальный сайт ГЖИ")
                .doesNotContain("Телефон");
        assertThat(download("/public/" + id + "/export?format=csv")).isEqualTo(csv);
    }

    @Test
    void aRegisterNeverPublishedHasNothingPublicToShowOrDownload() {
        String id = newRegister();
        approvedChange(id, "Официальный сайт ГЖИ");
        browser.open("/public/" + id);
        assertThat(browser.text("#not-published")).isEqualTo("Перечень ещё не опубликован.");
        assertThat(browser.now("#public-table")).isEmpty();
        assertThat(api.get("/public/" + id + "/export?format=csv").status()).isEqualTo(404);
        assertThat(api.get("/public/" + id).status()).isEqualTo(200);
    }

    @Test
    void theAuditorFiltersTheHistoryAndDownloadsTheSameSelectionWhileOthersAreRefused() {
        String id = newRegister();
        String change = approvedChange(id, "Официальный сайт ГЖИ");

        browser.login("auditor").open("/audit?registerId=" + id);
        assertThat(browser.text("#history tbody"))
                .contains(
                        "Изменение предложено",
                        "Утверждено заместителем руководителя",
                        "Официальный сайт ГЖИ",
                        "Появление новой точки взаимодействия");
        browser.select("event", "Утверждено заместителем руководителя").click("#audit-submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("event=DeputyApproved"));
        assertThat(browser.all("#history tbody tr")).hasSize(1);
        assertThat(browser.text("#history tbody")).contains("deputy", change);

        String export = browser.byId("audit-export").getAttribute("href");
        assertThat(export).contains("event=DeputyApproved");
        String csv = ok(api.as("auditor")
                        .get(URI.create(export).getRawPath() + "?"
                                + URI.create(export).getRawQuery()))
                .body();
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv).contains("Утверждено заместителем руководителя").doesNotContain("Изменение предложено");

        browser.login("initiator").open("/audit");
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
        assertThat(browser.now("#history")).isEmpty();
    }

    @Test
    void scriptInATouchpointNameIsTextOnTheDashboardPublicAndAuditPagesAndInThePublishedFiles() throws Exception {
        String id = newRegister();
        approvedChange(id, HOSTILE);
        ok(api.as("publisher")
                .post("/api/v1/registers/" + id + "/publications", Map.of("url", "https://gzhi.example/p")));

        browser.login("auditor").open("/deadlines?registerId=" + id);
        assertThat(browser.text("#deadlines tbody")).contains(HOSTILE);
        browser.open("/audit?registerId=" + id);
        assertThat(browser.text("#history tbody")).contains(HOSTILE);
        assertThat(browser.now("#history img, #deadlines img")).isEmpty();
        browser.driver().manage().deleteAllCookies();
        browser.open("/public/" + id);
        assertThat(browser.text("#public-table tbody")).contains(HOSTILE);
        assertThat(browser.now("#public-table img")).isEmpty();
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");

        assertThat(new String(download("/public/" + id + "/export?format=csv"), StandardCharsets.UTF_8))
                .contains(HOSTILE);
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(download("/public/" + id + "/export?format=xlsx")))) {
            List<String> cells = new ArrayList<>();
            for (Row row : book.getSheetAt(0)) {
                for (Cell cell : row) {
                    cells.add(cell.getCellType() + ":" + cell.toString());
                }
            }
            assertThat(cells).contains("STRING:" + HOSTILE);
        }
        try (XWPFDocument doc =
                new XWPFDocument(new ByteArrayInputStream(download("/public/" + id + "/export?format=docx")))) {
            assertThat(doc.getTables().get(0).getText()).contains(HOSTILE);
        }
    }

    @Test
    void theAdministratorCreatesARegisterChecksTheFileFirstThenImportsItAndOthersCannotOpenThePage() throws Exception {
        Path file = Files.createTempFile("gzhi-", ".csv");
        Files.copy(
                Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv"),
                file,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String id = "imp-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        browser.login("admin").open("/registers").click("#new-register");
        browser.type("id", "Перечень ГЖИ")
                .type("authority", "ГЖИ Смоленской области")
                .click("#create-submit");
        assertThat(browser.text("#id-error")).contains("латинские");
        browser.type("id", id).click("#create-submit");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/registers/" + id + "/setup"));
        browser.click("#setup-import");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("/registers/" + id + "/import"));
        browser.byId("file").sendKeys(file.toAbsolutePath().toString());
        browser.click("#import-submit");
        assertThat(browser.text("#import-summary")).contains("Проверка пройдена", "64");
        assertThat(browser.all("#import-duplicates tbody tr")).hasSize(3);
        assertThat(api.as("auditor").get("/api/v1/registers/" + id + "/rows").json())
                .as("a dry run records nothing")
                .isEmpty();
        // what the importer read into the rows is there to read before confirming, and the rows as they will be
        // recorded
        assertThat(browser.all("#import-rows tbody tr")).hasSize(64);
        assertThat(browser.all("#import-warnings tbody tr")).hasSizeGreaterThanOrEqualTo(64 * 2);
        assertThat(browser.text("#import-warnings")).contains("по виду точки «Телефон», хотя в особенностях сказано");
        assertThat(browser.all("#import-rows tbody tr").get(60).getText())
                .startsWith("62")
                .contains("Телефон", "офлайн");

        browser.click("#dryRun").click("#import-submit");
        browser.find("#import-register-link a");
        assertThat(browser.text("#import-summary")).isEqualTo("Загружено строк: 64.");
        assertThat(api.as("auditor").get("/api/v1/registers/" + id + "/rows").json())
                .hasSize(64);

        Path bad = Files.createTempFile("bad-", ".csv");
        Files.writeString(
                bad,
                "group_no,direction,process,touchpoint,interaction,features\n"
                        + "1,Предоставление государственных услуг,Процесс,,Получение информации,Взаимодействие в цифровой точке\n");
        String empty = newRegister();
        browser.open("/registers/" + empty + "/import");
        browser.byId("file").sendKeys(bad.toAbsolutePath().toString());
        browser.click("#import-submit");
        assertThat(browser.text("#import-summary")).contains("Файл не загружен");
        assertThat(browser.text("#import-errors tbody")).startsWith("2");

        browser.login("initiator").open("/registers/" + id + "/import");
        assertThat(browser.text("h1")).isEqualTo("Нет доступа");
    }

    /** A download without signing in, as a citizen gets it. */
    private byte[] download(String path) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
