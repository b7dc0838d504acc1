package org.caseshare.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver — never a downloaded browser.
 * Where Chromium is missing the journey is skipped with a loud notice, except under CI (CI=true),
 * where .ci/run installs it and its absence is a failure.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final String baseUrl;
    private final Path userData;
    private final Path screenshots = Path.of("target/screenshots");

    private Browser(String baseUrl, String... extraArguments) throws Exception {
        this.baseUrl = baseUrl;
        this.userData = Files.createTempDirectory("caseshare-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,1024", "--user-data-dir=" + userData);
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    public static Browser open(String baseUrl) throws Exception {
        return open(baseUrl, new String[0]);
    }

    /** With more Chromium switches, e.g. one that trusts a test's own TLS certificate. */
    public static Browser open(String baseUrl, String... extraArguments) throws Exception {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Chromium and chromedriver are required under CI: .ci/run installs them");
            }
            System.err.println("\n*** SKIPPING BROWSER JOURNEY: Debian's chromium and chromium-driver are not installed"
                    + " (apt-get install -y chromium chromium-driver) ***\n");
            Assumptions.abort("Chromium is not installed");
        }
        return new Browser(baseUrl, extraArguments);
    }

    public Browser go(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        return this;
    }

    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * Clicks an element. When it submits a form or follows a link, waits until the next page has
     * replaced this one, so that what the test reads next is never the old page (a race seen on a
     * loaded machine).
     */
    public Browser click(String id) {
        WebElement element = driver.findElement(By.id(id));
        boolean navigates = ("button".equals(element.getTagName()) && !"button".equals(element.getDomAttribute("type"))
                && element.findElements(By.xpath("ancestor::form")).size() > 0)
                || ("input".equals(element.getTagName()) && "submit".equals(element.getDomAttribute("type")))
                || ("a".equals(element.getTagName()) && element.getDomAttribute("href") != null
                        && !element.getDomAttribute("href").startsWith("#"));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (navigates) {
            new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        }
        return this;
    }

    public Browser clickText(String text) {
        driver.findElement(By.xpath("//*[normalize-space(text())='" + text + "']")).click();
        return this;
    }

    /** Picks from a drop-down, or from the type-ahead that replaced it when scripts run (its drop-down hidden as id-select). */
    public Browser select(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        if ("select".equals(field.getTagName())) {
            new org.openqa.selenium.support.ui.Select(field).selectByValue(value);
            return this;
        }
        String label = driver.findElement(By.cssSelector("#" + id + "-select option[value='" + value + "']")).getDomProperty("textContent");
        return suggest(id, "", label);
    }

    /**
     * GOV.UK's type-ahead (accessible-autocomplete) as a person uses it: a click, which shows every
     * suggestion, perhaps a few characters, then a click on the suggestion.
     */
    public Browser suggest(String id, String typed, String suggestion) {
        WebElement field = driver.findElement(By.id(id));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", field);
        field.click();
        field.sendKeys(typed);
        driver.findElement(By.xpath("//ul[@id='" + id + "__listbox']/li[normalize-space(.)='" + suggestion + "']")).click();
        return this;
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public WebDriver driver() {
        return driver;
    }

    public void deleteCookies() {
        driver.manage().deleteAllCookies();
    }

    /**
     * Signs in with a password from the sign-in page as a person does: the email address first (home
     * realm discovery sends single sign-on domains elsewhere), then the password.
     */
    public Browser signInWithPassword(String email, String password) {
        type("email", email);
        if (!driver.findElements(By.id("continue")).isEmpty()) {
            click("continue");
        }
        return type("password", password).click("sign-in");
    }

    /**
     * Signs in for the first time as a person does: email and password, then enrols the authenticator
     * from the manual key shown under "I cannot scan the QR code".
     */
    public Browser signInFirstTime(String email, String password) {
        go("/login").signInWithPassword(email, password);
        if (!path().equals("/mfa/enrol")) {
            throw new AssertionError("Expected the enrolment page after the password, but was " + path());
        }
        clickText("I cannot scan the QR code");
        String seed = text("manual-key");
        type("code", Totp.code(seed, Totp.step(java.time.Instant.now()))).click("confirm");
        if (path().equals("/account/recovery-codes/first")) {
            click("saved-codes"); // the recovery codes, shown once after enrolment
        }
        if (!path().equals("/")) {
            throw new AssertionError("Expected the home page after enrolment, but was " + path());
        }
        return this;
    }

    /** A long page, a screenful at a time, for a person to read. */
    public Browser screenshots(String name, int screens) throws Exception {
        org.openqa.selenium.JavascriptExecutor scroll = (org.openqa.selenium.JavascriptExecutor) driver;
        for (int screen = 0; screen < screens; screen++) {
            scroll.executeScript("window.scrollTo(0, arguments[0])", screen * 900);
            screenshot(name + "-" + (char) ('a' + screen));
        }
        scroll.executeScript("window.scrollTo(0, 0)");
        return this;
    }

    /** Saves a screenshot under target/screenshots, for a person to look at. */
    public Browser screenshot(String name) throws Exception {
        Files.createDirectories(screenshots);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
