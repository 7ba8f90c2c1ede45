package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

class RegisterPageIT extends BrowserIT {

    @Test
    void aWrongPasswordIsExplainedOnTheLoginForm() {
        browser.open("/login");
        browser.type("username", "initiator").type("password", "wrong").click("#login-submit");
        assertThat(browser.byId("login-error").getText()).contains("Неверное имя пользователя или пароль");
    }

    @Test
    void pagesNeedASignInAndSendStrangersToTheLoginForm() {
        browser.open("/registers");
        assertThat(browser.url()).endsWith("/login");
    }

    @Test
    void theRegisterIsLaidOutLikeTheTemplateWithMergedProcessCells() {
        String id = newRegister();
        approvedChange(id, "Официальный сайт ГЖИ");
        approvedChange(id, "Личный приём");
        browser.login("initiator").open("/registers/" + id);

        List<String> headers = browser.all("#register-table thead th").stream()
                .map(WebElement::getText)
                .toList();
        assertThat(headers)
                .startsWith("№", "Направление деятельности органа власти", "Наименование конкретного процесса");
        List<WebElement> rows = browser.all("#register-table tbody tr");
        assertThat(rows).hasSize(2);
        WebElement process = rows.get(0).findElements(By.tagName("td")).get(2);
        assertThat(process.getText()).isEqualTo(LICENSING_PROCESS);
        assertThat(process.getAttribute("rowspan")).isEqualTo("2");
        assertThat(rows.get(1).findElements(By.tagName("td"))).hasSize(4); // group, direction, process cells merged
    }

    @Test
    void filtersNarrowTheRowsAndAPastDateShowsTheRegisterAsItWas() {
        String id = newRegister();
        approvedChange(id, "Официальный сайт ГЖИ");
        clock.advance(java.time.Duration.ofDays(3));
        approvedChange(id, "Телефон горячей линии");
        browser.login("initiator").open("/registers/" + id);

        browser.type("q", "горячей").click("#filters button[type=submit]");
        browser.find("#filters a"); // «Сбросить фильтры» appears once the filtered page is shown
        assertThat(browser.all("#register-table tbody tr")).hasSize(1);
        assertThat(browser.text("#register-table tbody")).contains("Телефон горячей линии");

        browser.open("/registers/" + id + "?asOf=2024-12-21");
        assertThat(browser.text("#past-note")).contains("21.12.2024");
        assertThat(browser.text("#register-table tbody"))
                .contains("Официальный сайт ГЖИ")
                .doesNotContain("Телефон");
        assertThat(browser.text("#added-since")).contains("Телефон горячей линии");
    }

    @Test
    void scriptInATouchpointNameIsShownAsText() {
        String id = newRegister();
        String hostile = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>";
        approvedChange(id, hostile);
        browser.login("initiator").open("/registers/" + id);
        assertThat(browser.text("#register-table tbody")).contains(hostile);
        assertThat(browser.driver().getTitle()).doesNotContain("pwned");
        assertThat(browser.now("#register-table img")).isEmpty();
    }
}
