package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The five-column template of seed 004 (Минпромторг Смоленской области) over HTTP: its table imported with its own
 * №, then a new process added through the approval chain without any direction: the approved processes keep their
 * numbers, the new one comes after the last, and the export shows exactly that.
 */
class FiveColumnTemplateIT extends ApplicationIT {
    @Autowired
    JdbcClient jdbc;

    private static final String INFORMING = "Информирование";
    private static final String CONSULTING = "Консультирование";
    private static final String VISIT = "Профилактический визит";
    private static final String APPEAL = "Досудебное обжалование результатов проверки";

    /** The first rows of the register at the end of seed 004, typed as its table has them (№ only on a group's first row). */
    private static final String TABLE = String.join(
            "\n",
            "№,Процесс взаимодействия с клиентом,Точка взаимодействия,Удовлетворяемые потребности клиента,Особенности взаимодействия с клиентом",
            "1,Информирование,официальный сайт Министерства промышленности и торговли Смоленской области https://dpt.admin-smolensk.ru/regionalnyj-kontrol-nadzor/,получение информации,Цифровая точка",
            ",Информирование,\"Электронная почта: otdelgoscen@yandex.ru , deppromtorg@smolinvest.com\",Получение информации,Цифровая точка",
            ",Информирование,Телефонная связь +7 (4812) 29-25-09; +7(4812) 29-24-91,Получение информации,Офлайн-точка",
            "2,Консультирование,Почта России,Получение консультации,Офлайн-точка",
            ",Консультирование,видеоконференцсвязь,Получение консультации,Цифровая точка",
            "3,Профилактический визит,Места нахождения (осуществления деятельности) внешних клиентов,Информирование об обязательных требованиях деятельности,Офлайн-точка",
            "");

    @Test
    void aNewProcessComesAfterTheLastAndTheApprovedOnesKeepTheirNumbers() throws Exception {
        String register = fiveColumnRegister();
        Api.Response imported = ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import",
                        "perechen-004.csv",
                        TABLE.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.json().get("imported").asInt()).isEqualTo(6);
        assertThat(numbers(register))
                .containsExactly(
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "3 " + VISIT);

        // the specialist proposes a new process without a direction: the five-column template has none
        Map<String, Object> row = Map.of(
                "process",
                APPEAL,
                "touchpoint",
                Map.of("name", "ЕПГУ", "channel", "DIGITAL", "address", "https://knd.gosuslugi.ru/"),
                "needs",
                List.of(4, 5, 6),
                "features",
                "Цифровая точка");
        String appeal = approved(register, Map.of("kind", "ADD", "reason", "NEW_TOUCHPOINT", "row", row));
        // and a new touchpoint of an approved process: it joins its group
        String telegram = approved(
                register,
                Map.of(
                        "kind",
                        "ADD",
                        "reason",
                        "NEW_TOUCHPOINT",
                        "row",
                        Map.of(
                                "process",
                                CONSULTING,
                                "touchpoint",
                                Map.of("name", "Telegram-канал", "channel", "DIGITAL"),
                                "needs",
                                List.of(2),
                                "features",
                                "Цифровая точка")));
        assertThat(api.as("auditor")
                        .get("/api/v1/changes/" + appeal)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(api.as("auditor")
                        .get("/api/v1/changes/" + telegram)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("APPROVED");

        assertThat(numbers(register))
                .containsExactly(
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "3 " + VISIT,
                        "4 " + APPEAL);

        String csv = new String(
                api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv"),
                StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertThat(lines[0])
                .isEqualTo("№,Процесс взаимодействия с клиентом,Точка взаимодействия,"
                        + "Удовлетворяемые потребности клиента,Особенности взаимодействия с клиентом");
        assertThat(lines[1])
                .isEqualTo(
                        "1,Информирование,официальный сайт Министерства промышленности и торговли "
                                + "Смоленской области https://dpt.admin-smolensk.ru/regionalnyj-kontrol-nadzor/,получение информации,Цифровая точка");
        assertThat(lines[4]).isEqualTo("2,Консультирование,Почта России,Получение консультации,Офлайн-точка");
        assertThat(lines[6]).isEqualTo("2,Консультирование,Telegram-канал,Получение консультации,Цифровая точка");
        assertThat(lines[7])
                .isEqualTo("3,Профилактический визит,Места нахождения (осуществления деятельности) внешних "
                        + "клиентов,Информирование об обязательных требованиях деятельности,Офлайн-точка");
        assertThat(lines[8])
                .isEqualTo("4,Досудебное обжалование результатов проверки,ЕПГУ https://knd.gosuslugi.ru/,"
                        + "\"Представление заявления, обращения, запроса, документов, Получение информации о ходе рассмотрения, "
                        + "Получение результата, ответа, разъяснения\",Цифровая точка");
        assertThat(lines).hasSize(9);

        // the published version's hash is the hash of that export, and the chain verifies
        JsonNode published = ok(api.as("publisher")
                        .post(
                                "/api/v1/registers/" + register + "/publications",
                                Map.of("url", "https://dpt.admin-smolensk.ru/perechen")))
                .json();
        assertThat(published.get("sha256").asString())
                .isEqualTo(org.touchpoints.register.api.row.RegisterCsv.sha256(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.as("auditor")
                        .get("/api/v1/registers/" + register + "/publications/verify")
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        assertThat(numbers(register, "?version=1"))
                .containsExactly(
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "3 " + VISIT,
                        "4 " + APPEAL);
        assertThat(api.as("auditor").bytes("/api/v1/registers/" + register + "/export?format=csv&version=1"))
                .isEqualTo(csv.getBytes(StandardCharsets.UTF_8));

        // the numbers are in the events: a rebuild of the read models gives the same register
        assertThat(jdbc.sql("select count(*) from q_group_number where register_id = ?")
                        .param(register)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
        ReadModels.assertARebuildChangesNothing(api.as("admin"), jdbc);
        assertThat(numbers(register))
                .containsExactly(
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "1 " + INFORMING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "2 " + CONSULTING,
                        "3 " + VISIT,
                        "4 " + APPEAL);
    }

    @Test
    void theProposalFormOfAFiveColumnRegisterAsksForNoDirection() {
        String register = fiveColumnRegister();
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import",
                        "perechen-004.csv",
                        TABLE.getBytes(StandardCharsets.UTF_8)));
        Api.Response form = ok(api.as("initiator").get("/registers/" + register + "/changes/new"));
        assertThat(form.body()).contains("id=\"process").doesNotContain("id=\"direction\"");
        Api.Response sixColumn = ok(api.as("initiator").get("/registers/" + newRegister() + "/changes/new"));
        assertThat(sixColumn.body()).contains("id=\"direction\"");
    }

    private String approved(String register, Map<String, Object> body) {
        Api.Response r = ok(api.as("initiator").post("/api/v1/registers/" + register + "/changes", body));
        String changeId = r.json().get("changeId").asString();
        ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
        ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        return changeId;
    }

    private List<String> numbers(String register) {
        return numbers(register, "");
    }

    private List<String> numbers(String register, String query) {
        List<String> numbers = new ArrayList<>();
        ok(api.as("auditor").get("/api/v1/registers/" + register + "/rows" + query))
                .json()
                .forEach(r -> numbers.add(
                        r.get("groupNo").asInt() + " " + r.get("process").asString()));
        return numbers;
    }

    private String fiveColumnRegister() {
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
                        "Отдел регионального контроля",
                        "processes",
                        List.of(INFORMING, CONSULTING, VISIT))));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "initiator", "role", "SPECIALIST", "division", "control")));
        ok(admin.post(
                "/api/v1/registers/" + id + "/members",
                Map.of("username", "division-head", "role", "HEAD", "division", "control")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "deputy", "role", "DEPUTY")));
        ok(admin.post("/api/v1/registers/" + id + "/members", Map.of("username", "publisher", "role", "PUBLISHER")));
        return id;
    }
}
