package org.touchpoints.register.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/registers/{id}/touchpoints}: one entry per distinct touchpoint, compared as a person reads it
 * (the comparison of {@code oneTouchpointPerProcess}), with its rows and processes; read by the register's readers
 * only; a page at a time.
 */
class TouchpointCatalogueIT extends ApplicationIT {
    static final Path GZHI = Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv");
    static final String MAIN_PHONE = "8 (4812) 20-55-88 8 (4812) 29-11-45 8 (4812) 29-17-32";

    @Test
    void theRealRegistersCatalogueListsEachTouchpointOnceWithItsRowsProcessesAndDuplicates() throws Exception {
        String register = newRegister();
        ok(api.as("admin")
                .postMultipart("/api/v1/registers/" + register + "/import", "gzhi.csv", Files.readAllBytes(GZHI)));
        List<JsonNode> rows = list(ok(api.as("auditor").get("/api/v1/registers/" + register + "/rows"))
                .json());

        Api.Response answer = ok(api.as("initiator").get("/api/v1/registers/" + register + "/touchpoints"));
        List<JsonNode> catalogue = list(answer.json());

        List<String> everyRow = new ArrayList<>();
        catalogue.forEach(e -> e.get("rows").forEach(id -> everyRow.add(id.asString())));
        assertThat(everyRow)
                .as("each row stands in exactly one entry")
                .containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(r -> r.get("rowId").asString()).toList());
        assertThat(catalogue.stream().map(e -> e.get("key").asString()).distinct())
                .hasSize(catalogue.size());

        JsonNode phone = entry(catalogue, "Телефон", MAIN_PHONE);
        assertThat(phone.get("channel").asString()).isEqualTo("OFFLINE");
        assertThat(phone.get("rows")).hasSize(4);
        assertThat(texts(phone.get("processes")))
                .contains(APPEALS_PROCESS, "Региональный государственный жилищный контроль (надзор)")
                .hasSize(4);
        List<String> phoneRows = rows.stream()
                .filter(r ->
                        MAIN_PHONE.equals(r.get("touchpoint").path("address").asString(null)))
                .map(r -> r.get("rowId").asString())
                .toList();
        assertThat(texts(phone.get("rows"))).containsExactlyInAnyOrderElementsOf(phoneRows);

        // the three touchpoints the real register lists twice in its appeals process (000 §2.8 broken in the seed)
        List<JsonNode> duplicated =
                catalogue.stream().filter(e -> !e.get("duplicates").isEmpty()).toList();
        assertThat(duplicated).hasSize(3);
        duplicated.forEach(e -> {
            assertThat(e.get("duplicates")).singleElement().satisfies(d -> {
                assertThat(d.get("process").asString()).isEqualTo(APPEALS_PROCESS);
                assertThat(d.get("rows")).hasSize(2);
            });
        });
    }

    @Test
    void addressesAndNamesThatReadTheSameAreOneTouchpointAcrossProcesses() {
        String register = newRegister();
        String csv = """
                group_no,direction,process,touchpoint,interaction,features
                1,Предоставление государственных услуг,Процесс первый,Официальный сайт ГЖИ СО http://uggi.admin-smolensk.ru,Получение информации клиентом,Взаимодействие в цифровой точке
                2,Государственный контроль (надзор),Процесс второй,Oфициальный  сайт ГЖИ\u00a0СО https://www.uggi.admin-smolensk.ru/,Получение информации клиентом,Взаимодействие в цифровой точке
                2,Государственный контроль (надзор),Процесс второй,Телефон 8 (4812) 20-55-88,Получение информации клиентом,Взаимодействие в офлайн-точке
                3,Рассмотрение обращений и запросов,Процесс третий,Телефон +7 4812 205588,Получение информации клиентом,Взаимодействие в офлайн-точке
                3,Рассмотрение обращений и запросов,Процесс третий,Телефон 8 (4812) 29-11-45,Получение информации клиентом,Взаимодействие в офлайн-точке
                """;
        ok(api.as("admin")
                .postMultipart(
                        "/api/v1/registers/" + register + "/import",
                        "small.csv",
                        csv.getBytes(StandardCharsets.UTF_8)));

        List<JsonNode> catalogue =
                list(ok(api.as("division-head").get("/api/v1/registers/" + register + "/touchpoints"))
                        .json());

        assertThat(catalogue).hasSize(3);
        JsonNode site = catalogue.get(0);
        assertThat(site.get("name").asString()).as("as the first row writes it").isEqualTo("Официальный сайт ГЖИ СО");
        assertThat(site.get("address").asString()).isEqualTo("http://uggi.admin-smolensk.ru");
        assertThat(texts(site.get("processes"))).containsExactly("Процесс первый", "Процесс второй");
        assertThat(site.get("rows")).hasSize(2);
        assertThat(site.get("duplicates")).isEmpty();
        assertThat(texts(catalogue.get(1).get("processes")))
                .as("8 and +7, brackets and dashes alike")
                .containsExactly("Процесс второй", "Процесс третий");
        assertThat(catalogue.get(2).get("rows")).hasSize(1);
    }

    @Test
    void onlyTheRegistersReadersReadItsCatalogueAPageAtATime() {
        String register = newRegister();
        approvedChange(register, "Официальный сайт");
        approvedChange(register, "Портал госуслуг");
        approvedChange(register, "Электронная почта");
        accounts.create("outsider", "demo", "Посторонний", null);
        String path = "/api/v1/registers/" + register + "/touchpoints";

        assertThat(api.get(path).status()).as("anonymous").isEqualTo(401);
        Api.Response refused = api.as("outsider").get(path);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("участникам этого перечня");
        assertThat(api.as("admin")
                        .get("/api/v1/registers/no-such-register/touchpoints")
                        .status())
                .isEqualTo(404);
        assertThat(api.as("auditor").get(path).status()).isEqualTo(200);

        Api.Response first = ok(api.as("publisher").get(path + "?limit=2"));
        assertThat(first.json()).hasSize(2);
        String next = first.header("Link");
        assertThat(next).contains("offset=2").contains("rel=\"next\"");
        Api.Response last = ok(api.as("publisher").get(path + "?offset=2&limit=2"));
        assertThat(texts(last.json(), "name")).containsExactly("Электронная почта");
        assertThat(last.header("Link")).isNull();
        assertThat(api.as("publisher").get(path + "?limit=0").status()).isEqualTo(400);
        assertThat(api.as("publisher").get(path + "?limit=100000").status()).isEqualTo(400);
        assertThat(api.as("publisher").get(path + "?offset=-1").status()).isEqualTo(400);
    }

    private static JsonNode entry(List<JsonNode> catalogue, String name, String address) {
        return catalogue.stream()
                .filter(e -> e.get("name").asString().equals(name)
                        && address.equals(e.path("address").asString(null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + name + ", " + address + " in " + catalogue));
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asString()));
        return list;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.get(field).asString()));
        return list;
    }
}
