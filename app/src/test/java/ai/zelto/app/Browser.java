package ai.zelto.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (nothing is downloaded): the
 * browser a person uses, with screenshots in light and dark mode, on a laptop and on a phone-sized screen, and
 * axe-core's accessibility checks. {@code .ci/run} installs {@code chromium} and {@code chromium-driver}.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(String base) throws IOException {
        assertThat(CHROMIUM).as("Chromium is needed: apt-get install chromium chromium-driver").exists();
        assertThat(CHROMEDRIVER).as("chromedriver is needed: apt-get install chromium-driver").exists();
        this.base = base;
        this.profile = Files.createTempDirectory("zelto-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the background-networking switches Chromium keeps calling Google's hosts, which this closed
        // network refuses; the autoplay switch lets a test press play without a person's gesture; the media switches
        // give pages a fake microphone and grant it without asking.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--autoplay-policy=no-user-gesture-required", "--window-size=1366,900",
                "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    static Browser on(String base) {
        try {
            return new Browser(base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Fills the form's fields by id and submits it with its submit button. */
    void submit(Map<String, String> fields) {
        fields.forEach((id, value) -> {
            WebElement field = find("#" + id);
            field.clear();
            field.sendKeys(value);
        });
        find("form.stack button[type=submit], form button.primary[type=submit]").click();
    }

    /** axe-core on the current page: no serious or critical violation (WCAG 2.1 A and AA). */
    void assertAccessible(String what) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe).toList();
        assertThat(serious).as("accessibility of " + what).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    /**
     * Screenshots of the current page in light and dark mode, on a laptop and a phone-sized screen, saved as
     * {@code target/screenshots/<name>-<light|dark>-<wide|phone>.png}; the page is reloaded for each.
     */
    void screenshots(String name) {
        for (String scheme : List.of("light", "dark")) {
            for (String size : List.of("wide", "phone")) {
                driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                if (size.equals("phone")) {
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 390, "height", 844,
                            "deviceScaleFactor", 2, "mobile", true));
                } else {
                    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
                }
                driver.navigate().refresh();
                await(d -> "complete".equals(script("return document.readyState")));
                save(name + "-" + scheme + "-" + size);
            }
        }
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        driver.navigate().refresh();
    }

    Path save(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
