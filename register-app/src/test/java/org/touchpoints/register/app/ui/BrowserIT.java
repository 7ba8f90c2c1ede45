package org.touchpoints.register.app.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.touchpoints.register.app.ApplicationIT;

/**
 * Base of the browser tests: one headless Chromium per test class against the running application; a failed test
 * leaves a screenshot and the page's HTML in {@code target/browser-failures}.
 */
public abstract class BrowserIT extends ApplicationIT {
    private static Browser shared;
    protected Browser browser;

    @RegisterExtension
    final TestWatcher evidence = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveEvidence(context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }
    };

    @BeforeEach
    void startBrowser() {
        if (shared == null) {
            shared = new Browser(port);
        }
        browser = shared;
        browser.driver().manage().deleteAllCookies();
    }

    @AfterAll
    static void stopBrowser() {
        if (shared != null) {
            shared.close();
            shared = null;
        }
    }
}
