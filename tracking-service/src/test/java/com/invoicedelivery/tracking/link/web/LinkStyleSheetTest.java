package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The link pages' style sheet: WCAG AA contrast for every text colour pair it uses, phone first, visible focus. */
class LinkStyleSheetTest {

    private static final Pattern COLOUR = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})");
    private static String css;
    private static final Map<String, String> colours = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = LinkStyleSheetTest.class.getResourceAsStream("/static/css/link.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher matcher = COLOUR.matcher(css);
        while (matcher.find()) {
            colours.put(matcher.group(1), matcher.group(2));
        }
        colours.put("white", "#ffffff");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "text, white", "text, surface", "muted, white", "muted, surface", "accent-text, accent",
            "accent, white", "error, white", "ok, white"})
    void textHasAtLeastAaContrast(String foreground, String background) {
        assertThat(contrast(colours.get(foreground), colours.get(background))).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void thePageIsOneColumnOnAPhoneAndWideTablesScroll() {
        assertThat(css).contains("@media (min-width:", ".table-wrap { overflow-x: auto;", "max-width:");
        assertThat(css).doesNotContainPattern("(?<!min-)width:\\s*\\d{3,}px");
    }

    @Test
    void onAPhoneTableRowsAreLabelledCardsAndTheTableFrameIsLightAndForKeyboardsOnly() {
        assertThat(css).contains("@media (max-width: 39.99rem)", "content: attr(data-label)");
        assertThat(css).containsPattern("\\.table-wrap:focus-visible \\{ outline: 2px solid var\\(--line\\)")
                .doesNotContainPattern("\\.table-wrap:focus \\{ outline: \\dpx");
    }

    @Test
    void keyboardFocusIsVisibleAndButtonsAreLargeEnoughToTouch() {
        assertThat(css).containsPattern("button:focus-visible[^{]*\\{\\s*outline: 3px solid");
        assertThat(css).contains("min-height: 2.75rem");
    }

    @Test
    void theContrastFormulaIsWcags() {
        assertThat(contrast("#000000", "#ffffff")).isEqualTo(21.0, offset(0.01));
        assertThat(contrast("#767676", "#ffffff")).isEqualTo(4.54, offset(0.01));
    }

    private static double contrast(String a, String b) {
        double lighter = Math.max(luminance(a), luminance(b));
        double darker = Math.min(luminance(a), luminance(b));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
