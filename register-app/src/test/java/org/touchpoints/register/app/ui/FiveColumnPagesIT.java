package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.touchpoints.register.app.Api;
import tools.jackson.databind.JsonNode;

/** A specialist of a five-column register (seed 004) proposes a new process from the page: no direction asked. */
class FiveColumnPagesIT extends BrowserIT {
    private static final String TABLE = String.join(
            "\n",
            "№,Процесс взаимодействия с клиентом,Точка взаимодействия,Удовлетворяемые потребности клиента,Особенности взаимодействия с клиентом",
            "1,Информирование,Сообщества Министерства в социальных сетях,Получение информации,Цифровая точка",
            "2,Консультирование,видеоконференцсвязь,Получение консультации,Цифровая точка",
            "");
    private static final String APPEAL = "Досудебное обжалование результатов проверки";

    @Test
    void aNewProcessProposedWithoutADirectionComesAfterTheLastGroup() {
        String id = "m-" + UUID.randomUUID().toString().substring(0, 8);
        Api admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers",
                Map.of(
                        "id",
                        id,
                        "authority",
                        "Министерство промышленности и торговли Смоленской области",
                        "timeZone",
                        "Europe/Moscow",
                        "template",
                        "FIVE_COLUMN",
                        "publicationDeadlineWorkingDays",
                        10)));
        ok(admin.post(
                "/api/v1/registers/" + id + "/divisions",
                Map.of(
                        "id",
                        "control",
                        "name",
                        "Отдел контроля",
                        "processes",
                        List.of("Информирование", "Консультирование"))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "control")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "control")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        ok(admin.postMultipart(
                "/api/v1/registers/" + id + "/import", "004.csv", TABLE.getBytes(StandardCharsets.UTF_8)));

        browser.login("initiator").open("/registers/" + id + "/changes/new?kind=ADD");
        assertThat(browser.now("#direction"))
                .as("the five-column template has no direction")
                .isEmpty();
        browser.select("process", "Новый процесс (укажите ниже)")
                .type("newProcess", APPEAL)
                .type("touchpointName", "ЕПГУ")
                .type("touchpointAddress", "https://knd.gosuslugi.ru/")
                .select("channel", "Цифровая точка")
                .selectValue("reason", "PROCESS_REGISTRY_CHANGED");
        browser.click("#need-4");
        browser.go("#submit-change");
        assertThat(browser.text("#flash")).contains("направлена на согласование");

        JsonNode change = api.as("auditor")
                .get("/api/v1/registers/" + id + "/changes")
                .json()
                .get(0);
        String changeId = change.get("changeId").asString();
        assertThat(change.get("after").get("process").asString()).isEqualTo(APPEAL);
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));

        browser.open("/registers/" + id);
        List<String> groups =
                browser.all("td.group").stream().map(WebElement::getText).toList();
        assertThat(groups).containsExactly("1", "2", "3");
        assertThat(browser.text("tr[data-row-id='" + changeId + "']"))
                .startsWith("3")
                .contains(APPEAL)
                .contains("ЕПГУ");
    }
}
