package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The touchpoint catalogue page of the real 000 register: a specialist of the control division changes one phone
 * number in every row of the division where the phone stands, as one change package from the catalogue; the head of
 * the division and the deputy approve it once, through the classic chain, and every row changes at once. And a
 * specialist of the appeals division merges the copies the real register keeps in its process.
 */
class TouchpointCatalogueBrowserIT extends BrowserIT {
    static final Path GZHI = Path.of("src/main/resources/demo/smolensk-gzhi-2024.csv");
    static final String CONTROL_LICENSING =
            "Региональный лицензионный контроль осуществления предпринимательской деятельности по управлению многоквартирными домами";
    static final String CONTROL_HOUSING = "Региональный государственный жилищный контроль (надзор)";
    static final String MAIN_PHONE = "8 (4812) 20-55-88 8 (4812) 29-11-45 8 (4812) 29-17-32";
    static final String NEW_PHONE = "8 (4812) 20-55-88 8 (4812) 29-11-45 8 (4812) 29-17-40";

    @Test
    void aSpecialistChangesOnePhoneNumberInEveryRowOfTheDivisionFromTheCatalogueAndItIsApprovedOnce() throws Exception {
        String registerId = gzhi();
        String key = key(registerId, "Телефон", MAIN_PHONE);

        browser.login("control-initiator").open("/registers/" + registerId);
        browser.go("#to-touchpoints");
        assertThat(browser.find("h1").getText()).contains("Точки взаимодействия");
        assertThat(browser.now("#change-open-" + key))
                .as("the phone stands in rows of the control division")
                .hasSize(1);
        browser.click("#change-open-" + key);
        assertThat(browser.text("#change-rows-" + key))
                .contains("Отдел контроля и надзора")
                .contains("2");
        browser.type("address-" + key, NEW_PHONE)
                .selectValue("reason-" + key, "OTHER")
                .type("comment-" + key, "Сменился номер приёмной");
        browser.go("#change-submit-" + key);
        String changeId = browser.urlContaining("/changes/").replaceAll(".*/changes/([^/?#]+).*", "$1");
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-INITIATED");

        JsonNode change =
                ok(api.as("auditor").get("/api/v1/changes/" + changeId)).json();
        assertThat(change.get("operations"))
                .as("one change, both rows of the division")
                .hasSize(2);
        assertThat(rowsWith(registerId, NEW_PHONE))
                .as("nothing in the register before the approval")
                .isEmpty();

        browser.login("control-head").open("/inbox");
        browser.go("#approve-" + changeId);
        assertThat(browser.text("#flash")).isNotBlank();
        browser.login("deputy").open("/inbox");
        browser.go("#approve-" + changeId);
        assertThat(browser.text("#flash")).isNotBlank();

        browser.open("/changes/" + changeId);
        assertThat(browser.find("#change-status").getAttribute("class")).contains("status-APPROVED");
        assertThat(rowsWith(registerId, NEW_PHONE))
                .as("both rows of the division changed at once")
                .containsExactlyInAnyOrder(CONTROL_LICENSING, CONTROL_HOUSING);
        assertThat(rowsWith(registerId, MAIN_PHONE))
                .as("the other divisions' rows are theirs to change")
                .hasSize(2)
                .doesNotContain(CONTROL_LICENSING, CONTROL_HOUSING);

        browser.open("/registers/" + registerId + "/touchpoints?q="
                + java.net.URLEncoder.encode("29-17-40", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.all("section.touchpoint"))
                .singleElement()
                .satisfies(s -> assertThat(s.findElements(org.openqa.selenium.By.cssSelector("tbody tr")))
                        .hasSize(2));
    }

    @Test
    void aSpecialistMergesTheCopiesOfATouchpointInTheProcessIntoOneRowWithTheUnionOfTheirNeeds() throws Exception {
        String registerId = gzhi();
        JsonNode duplicated = null;
        for (JsonNode e : ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/touchpoints"))
                .json()) {
            // the reception desk: its two rows say different things (consultation and submission; information)
            if (e.get("name").asString().equals("Места личного приема в здании ГЖИ СО")) {
                duplicated = e;
            }
        }
        assertThat(duplicated).isNotNull();
        assertThat(duplicated.get("duplicates"))
                .singleElement()
                .satisfies(d -> assertThat(d.get("process").asString()).isEqualTo(APPEALS_PROCESS));
        String key = duplicated.get("key").asString();
        List<String> copies = new ArrayList<>();
        duplicated.get("duplicates").get(0).get("rows").forEach(r -> copies.add(r.asString()));
        List<Integer> union = new ArrayList<>();
        for (JsonNode row : ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()) {
            if (copies.contains(row.get("rowId").asString())) {
                row.get("needs").forEach(n -> {
                    if (!union.contains(n.asInt())) {
                        union.add(n.asInt());
                    }
                });
            }
        }
        union.sort(Integer::compareTo);

        browser.login("other-initiator").open("/registers/" + registerId + "/touchpoints?duplicates=true");
        assertThat(browser.all("section.touchpoint")).hasSize(3);
        assertThat(browser.all("#tp-" + key + " tr.duplicate")).hasSize(2);

        // changing the touchpoint in every row of the division would keep the two copies: the register refuses it
        browser.click("#change-open-" + key);
        browser.type("address-" + key, "https://example.gov.ru/new");
        browser.go("#change-submit-" + key);
        assertThat(browser.text("#refusal-" + key)).contains("уже предложена операцией");
        assertThat(browser.find("#change-" + key).getAttribute("open")).isNotNull();

        browser.open("/registers/" + registerId + "/touchpoints?duplicates=true");
        browser.click("#merge-open-" + key + "-0");
        browser.go("#merge-submit-" + key + "-0");
        String changeId = browser.urlContaining("/changes/").replaceAll(".*/changes/([^/?#]+).*", "$1");

        browser.login("other-head").open("/inbox");
        browser.go("#approve-" + changeId);
        browser.login("deputy").open("/inbox");
        browser.go("#approve-" + changeId);

        JsonNode entry = null;
        for (JsonNode e : ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/touchpoints"))
                .json()) {
            if (e.get("key").asString().equals(key)) {
                entry = e;
            }
        }
        assertThat(entry.get("duplicates")).as("merged").isEmpty();
        assertThat(entry.get("rows")).hasSize(duplicated.get("rows").size() - 1);
        JsonNode kept = null;
        for (JsonNode row : ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()) {
            if (row.get("rowId").asString().equals(copies.get(0))) {
                kept = row;
            }
            assertThat(row.get("rowId").asString()).isNotEqualTo(copies.get(1));
        }
        List<Integer> needs = new ArrayList<>();
        kept.get("needs").forEach(n -> needs.add(n.asInt()));
        assertThat(needs).as("the union of the copies' needs").isEqualTo(union);
        assertThat(kept.get("interaction").asString())
                .as("both rows' interaction texts")
                .isEqualTo("Получение консультации клиентом, подача письменного обращения, ознакомление с документами; "
                        + "Получение информации клиентом, получение консультации клиентом");
    }

    private List<String> rowsWith(String registerId, String address) {
        List<String> processes = new ArrayList<>();
        ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()
                .forEach(r -> {
                    if (address.equals(r.get("touchpoint").path("address").asString(null))) {
                        processes.add(r.get("process").asString());
                    }
                });
        return processes;
    }

    private String key(String registerId, String name, String address) {
        for (JsonNode e : ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/touchpoints"))
                .json()) {
            if (e.get("name").asString().equals(name)
                    && address.equals(e.path("address").asString(null))) {
                return e.get("key").asString();
            }
        }
        throw new AssertionError("no touchpoint " + name + ", " + address);
    }

    /** The real 000 register (as demo mode loads it) with its control division, imported into a register of its own. */
    private String gzhi() throws Exception {
        String registerId = newRegister();
        accounts.create("control-initiator", "demo", "Смирнова А. П.", null);
        accounts.create("control-head", "demo", "Кузнецов В. И.", null);
        var admin = api.as("admin");
        ok(admin.post(
                "/api/v1/registers/" + registerId + "/divisions",
                Map.of(
                        "id",
                        "control",
                        "name",
                        "Отдел контроля и надзора",
                        "processes",
                        List.of(CONTROL_LICENSING, CONTROL_HOUSING))));
        ok(admin.post(
                "/api/v1/registers/" + registerId + "/members",
                Map.of("username", "control-initiator", "role", "SPECIALIST", "division", "control")));
        ok(admin.post(
                "/api/v1/registers/" + registerId + "/members",
                Map.of("username", "control-head", "role", "HEAD", "division", "control")));
        ok(admin.postMultipart("/api/v1/registers/" + registerId + "/import", "gzhi.csv", Files.readAllBytes(GZHI)));
        return registerId;
    }
}
