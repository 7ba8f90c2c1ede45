package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/**
 * A citizen on a 390 px wide phone: the public page does not scroll sideways (measured in the browser), the register
 * reads as cards, it can be searched, and addresses are links (https, mailto:, tel:).
 */
class PublicPhoneBrowserIT extends BrowserIT {

    @Test
    void thePublicPageFitsAPhoneHasSearchAndLinksItsAddresses() {
        String registerId = newRegister();
        String longProcess = LICENSING_PROCESS;
        for (Map<String, Object> touchpoint : List.of(
                Map.<String, Object>of(
                        "name",
                        "Официальный сайт ГЖИ СО",
                        "channel",
                        "DIGITAL",
                        "address",
                        "https://uggi.admin-smolensk.ru/deyatelnost/licenzirovanie-predprinimatelskoj-deyatelnosti/"),
                Map.<String, Object>of(
                        "name", "Электронная почта", "channel", "DIGITAL", "address", "uggi@admin-smolensk.ru"),
                Map.<String, Object>of(
                        "name",
                        "Телефон",
                        "channel",
                        "OFFLINE",
                        "address",
                        "8 (4812) 20-55-88 8 (4812) 29-11-68 8 (4812) 20-53-15"))) {
            String changeId = ok(api.as("initiator")
                            .post(
                                    "/api/v1/registers/" + registerId + "/changes",
                                    Map.of(
                                            "kind",
                                            "ADD",
                                            "reason",
                                            "NEW_TOUCHPOINT",
                                            "row",
                                            Map.of(
                                                    "direction",
                                                    "Предоставление государственных услуг",
                                                    "process",
                                                    longProcess,
                                                    "touchpoint",
                                                    touchpoint,
                                                    "needs",
                                                    List.of(1, 2, 4),
                                                    "interaction",
                                                    "Получение информации клиентом, направление письменного обращения клиентом "
                                                            + "для получения консультации, получение форм документов"))))
                    .json()
                    .get("changeId")
                    .asString();
            ok(api.as("division-head").post("/api/v1/changes/" + changeId + "/division-approval", "{}"));
            ok(api.as("deputy").post("/api/v1/changes/" + changeId + "/deputy-approval", "{}"));
        }
        ok(api.as("publisher")
                .post(
                        "/api/v1/registers/" + registerId + "/publications",
                        Map.of("url", "https://uggi.admin-smolensk.ru/deyatelnost/perechen-tochek-vzaimodejstviya")));

        browser.driver()
                .executeCdpCommand(
                        "Emulation.setDeviceMetricsOverride",
                        Map.of("width", 390, "height", 844, "deviceScaleFactor", 3, "mobile", true));
        try {
            browser.open("/public/" + registerId);
            browser.find("#public-table");
            assertThat(pageWidth())
                    .as("the page at 390 px: scrollWidth <= innerWidth")
                    .satisfies(w -> assertThat(w[0]).isLessThanOrEqualTo(w[1]));
            assertThat(((Number) browser.driver().executeScript("return window.innerWidth")).intValue())
                    .isEqualTo(390);
            // the checksum is on the details line, not in a wide table
            assertThat(browser.text("#publication")).contains("SHA-256");
            assertThat(browser.text("#public-sha256")).hasSize(64);

            List<String> links = browser.all("#public-table .address a").stream()
                    .map(a -> a.getAttribute("href"))
                    .toList();
            assertThat(links)
                    .contains(
                            "mailto:uggi@admin-smolensk.ru",
                            "tel:+74812205588",
                            "tel:+74812291168",
                            "https://uggi.admin-smolensk.ru/deyatelnost/licenzirovanie-predprinimatelskoj-deyatelnosti/");

            browser.type("q", "почта").click("#public-search-submit");
            browser.find("#public-found");
            assertThat(browser.text("#public-found")).isEqualTo("Найдено строк: 1.");
            List<WebElement> rows = browser.all("#public-table tbody tr");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("Электронная почта").doesNotContain("Телефон");
            assertThat(pageWidth()).satisfies(w -> assertThat(w[0]).isLessThanOrEqualTo(w[1]));

            browser.open("/public");
            assertThat(pageWidth()).satisfies(w -> assertThat(w[0]).isLessThanOrEqualTo(w[1]));
        } finally {
            browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private int[] pageWidth() {
        Object scroll = browser.driver().executeScript("return document.documentElement.scrollWidth");
        Object inner = browser.driver().executeScript("return window.innerWidth");
        return new int[] {((Number) scroll).intValue(), ((Number) inner).intValue()};
    }
}
