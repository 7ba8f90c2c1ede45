package org.touchpoints.register.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.ActiveProfiles;

/**
 * The annual monitoring page (seed 001 §5.5): a division's head confirms from the page with the API's command, a
 * confirmation after the date shows as late, and a register whose procedure has no annual monitoring offers no form.
 */
@ActiveProfiles("demo")
class AnnualReviewPageIT extends BrowserIT {

    private void submitAndWait(String css) {
        browser.click(css);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("confirmed="));
    }

    @Test
    void theHeadConfirmsTheirDivisionsReviewFromThePage() {
        clock.set(Instant.parse("2025-06-10T09:00:00Z")); // 2025: a year no other test of the demo registers uses
        browser.login("dag-head").open("/registers/dagestan-minstroy").click("#to-annual-review");
        assertThat(browser.text("h1")).contains("2025");
        assertThat(browser.text("#review-permits .review-state")).isEqualTo("ожидает подтверждения до 31.12.2025");
        assertThat(browser.now("#confirm-appeals"))
                .as("not the head's division")
                .isEmpty();

        browser.type("comment-permits", "Проверено, изменений нет");
        submitAndWait("#confirm-permits-submit");
        assertThat(browser.text("#review-permits .review-state"))
                .isEqualTo("подтверждено 10.06.2025 (Алиева Патимат Гаджиевна, начальник отдела выдачи разрешений)");
        assertThat(browser.text("#review-confirmed")).contains("Отдел выдачи разрешений");
        assertThat(browser.now("#confirm-permits")).as("confirmed once").isEmpty();
        assertThat(browser.text("#review-appeals .review-state")).isEqualTo("ожидает подтверждения до 31.12.2025");
    }

    @Test
    void aConfirmationAfterTheDateShowsAsLateAndTheUnconfirmedAsOverdue() {
        String register = newRegister();
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
        browser.login("division-head").open("/registers/" + register + "/annual-review?year=2024");
        assertThat(browser.text("#review-licensing .review-state")).isEqualTo("просрочено (срок был 31.12.2024)");
        submitAndWait("#confirm-licensing-submit");
        assertThat(browser.text("#review-licensing .review-state"))
                .startsWith("подтверждено с опозданием 10.01.2025 (")
                .as("a name, not the login")
                .doesNotContain("(division-head)");
        assertThat(browser.text("#review-appeals .review-state")).isEqualTo("просрочено (срок был 31.12.2024)");
    }

    @Test
    void aFutureYearIsRefusedOnThePageInTheRegistersWords() {
        String register = newRegister();
        browser.login("division-head").open("/registers/" + register + "/annual-review?year=2026");
        browser.click("#confirm-licensing-submit");
        assertThat(browser.text("#review-refusal"))
                .isEqualTo("Подтвердить проверку можно только за текущий или прошедший год");
        assertThat(browser.text("#review-licensing .review-state")).isEqualTo("ожидает подтверждения до 31.12.2026");
    }

    @Test
    void aRegisterWithoutAnnualMonitoringSaysSoAndOffersNoForm() {
        browser.login("nsk-head").open("/registers/novosibirsk-gsn/annual-review");
        assertThat(browser.text("#no-monitoring")).contains("ежегодный мониторинг не предусмотрен");
        assertThat(browser.now("form.review-form")).isEmpty();
        assertThat(browser.now("#annual-review-table")).isEmpty();
    }
}
