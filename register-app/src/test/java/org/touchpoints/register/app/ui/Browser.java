package org.touchpoints.register.app.ui;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through ChromeDriver, both from the machine's packages (Debian {@code chromium},
 * {@code chromium-driver}; {@code .ci/run} installs them). Never downloads a browser.
 */
public final class Browser implements AutoCloseable {
    private static final String CHROMIUM =
            System.getProperty("chromium.binary", System.getenv().getOrDefault("CHROMIUM_BINARY", "/usr/bin/chromium"));
    private static final String CHROMEDRIVER = System.getProperty(
            "chromedriver.binary", System.getenv().getOrDefault("CHROMEDRIVER_BINARY", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private final Path downloads;

    public Browser(int port) {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and ChromeDriver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        try {
            profile = Files.createTempDirectory("register-chromium-");
            downloads = Files.createTempDirectory("register-downloads-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1000",
                "--lang=ru-RU",
                "--user-data-dir=" + profile);
        options.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // Elements are looked for until they appear (a submitted form's next page may still be loading).
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        base = "http://localhost:" + port;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the login form (and out of any previous session first). */
    public Browser login(String username) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("login-submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Elements matching {@code css} on the page as it is now, without waiting for any to appear. */
    public List<WebElement> now(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.cssSelector(css));
        } finally {
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    public String text(String css) {
        return again(() -> find(css).getText());
    }

    public Browser type(String id, String text) {
        return again(() -> {
            WebElement e = byId(id);
            e.clear();
            e.sendKeys(text);
            return this;
        });
    }

    public Browser select(String id, String visibleText) {
        return again(() -> {
            new Select(byId(id)).selectByVisibleText(visibleText);
            return this;
        });
    }

    /**
     * Chooses {@code value} in a drop-down, or types it into a search field that stands in for one (the register
     * filter beyond a few hundred registers, {@code RegisterPicker}).
     */
    public Browser selectValue(String id, String value) {
        return again(() -> {
            WebElement field = byId(id);
            if ("select".equalsIgnoreCase(field.getTagName())) {
                new Select(field).selectByValue(value);
            } else {
                field.clear();
                field.sendKeys(value);
            }
            return this;
        });
    }

    public Browser click(String css) {
        return again(() -> {
            find(css).click();
            return this;
        });
    }

    /**
     * Does {@code action}, which leaves the page (a link, a submission), and waits (up to 10 s) until the next page has
     * replaced this one. The old page is marked with a script variable a new document does not have; Selenium's
     * {@code stalenessOf} is not used because Chromium sometimes answers a question about the old page's element with
     * «Node with given id does not belong to the document» instead of a stale-element error.
     */
    public Browser leave(Runnable action) {
        driver.executeScript("window.__registerOldPage = true;");
        action.run();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(driver.executeScript(
                        "return document.readyState === 'complete' && window.__registerOldPage !== true;")));
        return this;
    }

    /** Clicks what leads to another page and waits until that page replaced this one. */
    public Browser go(String css) {
        return leave(() -> click(css));
    }

    /**
     * Does {@code action} again (a few times) when the element it found went away under it: the page was still being
     * replaced by the next one (a form just submitted, a redirect), which is a race of the test, not of the product.
     */
    private <T> T again(java.util.function.Supplier<T> action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt == 3
                        || e.getMessage() == null
                        || !e.getMessage().contains("does not belong to the document")) {
                    throw e;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /** Waits (up to 10 s) until the address contains {@code part}, then returns it. */
    public String urlContaining(String part) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains(part));
        return driver.getCurrentUrl();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String source() {
        return driver.getPageSource();
    }

    public Path downloads() {
        return downloads;
    }

    /** Saves a screenshot and the page's HTML under target/browser-failures, for a failed test. */
    public void saveEvidence(String name) {
        try {
            Path dir = Path.of("target", "browser-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("Could not save browser evidence: " + e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
