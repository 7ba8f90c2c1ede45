package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Text people type is shown as text on the pages that handle changes: never markup, never script. */
class HostileTextPagesIT extends BrowserIT {
    private static final String HOSTILE =
            "\"><script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\">";

    @Test
    void aScriptInATouchpointNameStaysTextOnEveryChangePage() {
        String registerId = newRegister();
        String approved = approvedChange(registerId, HOSTILE);
        String rowId = ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()
                .get(0)
                .get("rowId")
                .asString();
        String pending = initiate(registerId, HOSTILE + " 2");

        browser.login("initiator");
        for (String page : List.of(
                "/registers/" + registerId,
                "/registers/" + registerId + "/changes",
                "/changes/" + approved,
                "/changes/" + pending)) {
            assertInert(page, true);
        }
        assertInert("/registers/" + registerId + "/changes/new?kind=EDIT&rowId=" + rowId, false);
        assertThat(browser.byId("touchpointName").getAttribute("value")).isEqualTo(HOSTILE);

        browser.login("division-head");
        assertInert("/inbox", true);
    }

    @Test
    void aScriptInADivisionOrAPersonsNameStaysTextOnTheAdministrationPages() {
        String registerId = newRegister();
        String username = "hostile-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        accounts.create(username, "demo", HOSTILE, null);
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/divisions",
                        java.util.Map.of(
                                "id", "hostile", "name", HOSTILE, "processes", List.of(HOSTILE + " процесс"))));
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/members",
                        java.util.Map.of("username", username, "role", "HEAD", "division", "hostile")));
        ok(api.as("admin")
                .post(
                        "/api/v1/registers/" + registerId + "/delegations",
                        java.util.Map.of(
                                "holder",
                                username,
                                "delegate",
                                "initiator",
                                "role",
                                "HEAD",
                                "division",
                                "hostile",
                                "validFrom",
                                "2024-12-23",
                                "validTo",
                                "2024-12-27",
                                "comment",
                                HOSTILE)));

        browser.login("admin");
        for (String page : List.of(
                "/registers/" + registerId + "/setup",
                "/admin/accounts",
                "/registers/" + registerId + "/delegations",
                "/registers/" + registerId + "/review")) {
            assertInert(page, true);
        }
    }

    private void assertInert(String page, boolean textShown) {
        browser.open(page);
        browser.find("main");
        if (textShown) {
            assertThat(browser.text("main")).as(page).contains("<script>document.title='pwned'</script>");
        }
        assertThat(browser.driver().getTitle()).as(page).isNotEqualTo("pwned"); // the payload would set exactly this
        assertThat(browser.now("main img")).as(page).isEmpty();
        assertThat(browser.now("main script")).as(page).isEmpty();
    }
}
