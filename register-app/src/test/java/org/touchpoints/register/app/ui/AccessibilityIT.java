package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Seed 002 §4.2 asks for accessible pages. Checked on every page, as the person who uses it: the page is in
 * Russian, has one main heading, every field has a label, tables have header cells, images have text, and the
 * keyboard reaches the content first through the skip link.
 */
class AccessibilityIT extends BrowserIT {

    @Test
    void everyPageLabelsItsFieldsAndCanBeUsedFromTheKeyboard() {
        String registerId = newRegister();
        String changeId = approvedChange(registerId, "Официальный сайт");
        String rowId = ok(api.as("auditor").get("/api/v1/registers/" + registerId + "/rows"))
                .json()
                .get(0)
                .get("rowId")
                .asString();
        Map<String, List<String>> pagesByUser = Map.of(
                "initiator",
                        List.of(
                                "/registers",
                                "/registers/" + registerId,
                                "/registers/" + registerId + "/changes",
                                "/registers/" + registerId + "/changes/new?kind=ADD",
                                "/registers/" + registerId + "/changes/new?kind=EDIT&rowId=" + rowId,
                                "/changes/" + changeId,
                                "/deadlines",
                                "/tasks",
                                "/account/password",
                                "/registers/" + registerId + "/touchpoints"),
                "division-head", List.of("/inbox", "/registers/" + registerId + "/annual-review"),
                "publisher", List.of("/registers/" + registerId + "/publish", "/tasks"),
                "auditor", List.of("/audit?registerId=" + registerId, "/admin/audit"),
                "admin",
                        List.of(
                                "/registers/new",
                                "/registers/" + registerId + "/import",
                                "/admin",
                                "/admin/accounts",
                                "/registers/" + registerId + "/setup",
                                "/registers/" + registerId + "/delegations",
                                "/registers/" + registerId + "/review",
                                "/admin/calendar",
                                "/admin/maintenance",
                                "/registers/" + registerId + "/verify",
                                "/registers/" + registerId + "/settings"));
        List<String> problems = new ArrayList<>();
        pagesByUser.forEach((user, pages) -> {
            browser.login(user);
            pages.forEach(page -> problems.addAll(check(page)));
        });
        ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + registerId + "/publications",
                        Map.of("url", "https://gzhi.admin-smolensk.ru/perechen")));
        browser.driver().manage().deleteAllCookies();
        List.of("/login", "/public", "/public/" + registerId, "/public/" + registerId + "?q=сайт", "/no-such-page")
                .forEach(page -> problems.addAll(check(page)));
        assertThat(problems).isEmpty();
    }

    private List<String> check(String page) {
        browser.open(page);
        browser.find("main");
        List<String> problems = new ArrayList<>();
        if (!"ru".equals(browser.find("html").getAttribute("lang"))) {
            problems.add(page + ": the page's language is not ru");
        }
        if (browser.now("h1").size() != 1) {
            problems.add(page + ": expected exactly one h1, found "
                    + browser.now("h1").size());
        }
        for (WebElement field : browser.now("input:not([type=hidden]), select, textarea")) {
            String id = field.getAttribute("id");
            boolean labelled = (id != null
                            && !id.isEmpty()
                            && !browser.now("label[for='" + id + "']").isEmpty())
                    || field.getAttribute("aria-label") != null
                    || field.getAttribute("aria-labelledby") != null
                    || !field.findElements(org.openqa.selenium.By.xpath("ancestor::label"))
                            .isEmpty();
            if (!labelled) {
                problems.add(page + ": field without a label: " + field.getAttribute("name"));
            }
        }
        for (WebElement table : browser.now("table")) {
            if (table.findElements(org.openqa.selenium.By.tagName("th")).isEmpty()) {
                problems.add(page + ": table without header cells");
            }
        }
        for (WebElement image : browser.now("img")) {
            if (image.getAttribute("alt") == null) {
                problems.add(page + ": image without alt text");
            }
        }
        if (!browser.now("[autofocus]").isEmpty()) {
            return problems; // a page that focuses its first field (the login form) starts there on purpose
        }
        browser.find("body").sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        if (!"skip-link".equals(focused.getAttribute("class"))) {
            problems.add(page + ": the first Tab does not reach the skip link");
        }
        return problems;
    }
}
