package com.invoicedelivery.deploy.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A client in a real browser: Debian's headless Chromium driven through chromedriver, with JavaScript, cookies and
 * downloads. Screenshots of every page go to {@code deploy/target/screenshots} (the README's copies live in
 * {@code docs/screenshots}).
 */
final class ChromiumClient implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final ChromeDriver driver;
    private final Path downloads;
    private final Path screenshots;

    ChromiumClient(int width, int height, Path screenshots) {
        try {
            this.downloads = Files.createTempDirectory("e2e-downloads");
            this.screenshots = Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=en",
                // headless Chromium says "HeadlessChrome", which tracking-service rightly takes for a scanner
                "--user-agent=" + ClientBrowser.PERSONS_BROWSER);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false,
                "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    }

    static boolean available() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    void open(String url) {
        driver.get(url);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String title() {
        return driver.getTitle();
    }

    String htmlLanguage() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Clicks and waits for the next page to load (the browser's own navigation, as a person's click). The old page
     * is still "complete" for a moment after the click, so the wait is first for the clicked element to leave the
     * document (the old page unloaded), then for the new page to be complete; reading the page any earlier can touch
     * the old document while it goes away.
     */
    void click(String css) {
        WebElement element = find(css);
        element.click();
        Waiting.until("the page before clicking " + css + " to unload", () -> stale(element), Boolean.TRUE::equals,
                Duration.ofSeconds(20));
        Waiting.until("the page after clicking " + css, this::readyState, "complete"::equals, Duration.ofSeconds(20));
    }

    private static boolean stale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        }
    }

    /**
     * The table cells (with text) that are not wholly inside the window's width, and the page itself if it is wider
     * than the window: what a person on a phone would have to scroll sideways to see. Empty when all is on screen.
     */
    @SuppressWarnings("unchecked")
    List<String> tableCellsOffScreen() {
        return (List<String>) driver.executeScript("""
                var width = document.documentElement.clientWidth;
                var off = [];
                document.querySelectorAll('table tbody td').forEach(function (cell, i) {
                  var box = cell.getBoundingClientRect();
                  if (cell.textContent.trim() && (box.left < 0 || box.right > width + 0.5 || box.width === 0)) {
                    off.push((cell.getAttribute('data-label') || 'cell ' + i) + ' at ' + Math.round(box.left)
                        + '..' + Math.round(box.right) + ' of ' + width);
                  }
                });
                if (document.documentElement.scrollWidth > width) {
                  off.push('the page is ' + document.documentElement.scrollWidth + ' px wide in ' + width);
                }
                return off;""");
    }

    /** Scrolls the window as a scanner's sandbox does, with no click, key or focus. */
    void scrollBy(int pixels) {
        driver.executeScript("window.scrollBy(0, arguments[0])", pixels);
    }

    /** A person's click on something that does not navigate (a heading): the page's script sees a pointerdown. */
    void clickInPlace(String css) {
        find(css).click();
    }

    void type(String css, String text) {
        find(css).sendKeys(text);
    }

    /** A screenshot with the element {@code css} scrolled into the middle of the window. */
    void screenshot(String name, String css) {
        driver.executeScript("document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", css);
        screenshot(name);
    }

    void screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the single finished download (Chromium writes {@code .crdownload} until it is complete). */
    byte[] awaitDownload(Duration timeout) {
        Path file = Waiting.until("a finished download in " + downloads, this::finishedDownload,
                found -> found != null, timeout);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebDriver driver() {
        return driver;
    }

    private Path finishedDownload() {
        try (Stream<Path> files = Files.list(downloads)) {
            List<Path> all = files.toList();
            boolean inProgress = all.stream().anyMatch(path -> path.toString().endsWith(".crdownload"));
            return inProgress ? null : all.stream().filter(path -> path.toString().endsWith(".pdf")).findFirst()
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String readyState() {
        return String.valueOf(driver.executeScript("return document.readyState"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
