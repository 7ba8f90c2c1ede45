package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A list in the browser a page at a time: «Стр. 1 из 2», «Далее» to the next page, «Назад» back. */
class PaginationBrowserIT extends BrowserIT {

    @Test
    void theChangesOfARegisterTakeTwoPagesAndDalleeLeadsToTheSecond() {
        String id = newRegister();
        for (int i = 1; i <= 52; i++) {
            initiate(id, String.format("Точка %02d", i));
            clock.advance(Duration.ofMinutes(1)); // one after another, as people propose them
        }
        browser.login("initiator").open("/registers/" + id + "/changes");
        assertThat(browser.text("nav.pager"))
                .contains("Стр. 1 из 2")
                .contains("Далее")
                .doesNotContain("Назад");
        assertThat(browser.all("#changes-table tbody tr")).hasSize(50);
        assertThat(browser.text("#changes-table tbody"))
                .as("newest first")
                .contains("Точка 52")
                .doesNotContain("Точка 02");

        browser.go("#page-next");
        assertThat(browser.text("nav.pager"))
                .contains("Стр. 2 из 2")
                .contains("Назад")
                .doesNotContain("Далее");
        assertThat(browser.all("#changes-table tbody tr")).hasSize(2);
        assertThat(browser.text("#changes-table tbody")).contains("Точка 01", "Точка 02");

        browser.go("#page-previous");
        assertThat(browser.text("nav.pager")).contains("Стр. 1 из 2");
    }
}
