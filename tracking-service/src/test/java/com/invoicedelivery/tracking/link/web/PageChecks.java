package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** What every link page must be: readable on a phone and usable with a keyboard and a screen reader. */
final class PageChecks {

    private PageChecks() {
    }

    static void assertMobileFriendlyAndAccessible(Document page, String language) {
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo(language);
        assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.select("link[rel=stylesheet]").attr("href")).isEqualTo("/css/link.css");
        assertThat(page.title()).isNotBlank();
        assertThat(page.select("main")).hasSize(1);
        assertThat(page.select("h1")).hasSize(1);
        assertHeadingsDoNotSkipLevels(page.select("h1, h2, h3, h4, h5, h6"));
        page.select("textarea, select, input:not([type=hidden])").forEach(control -> assertLabelled(page, control));
        assertThat(page.select("button")).allSatisfy(button -> {
            assertThat(button.attr("type")).isIn("submit", "button");
            assertThat(button.text()).isNotBlank();
        });
        assertThat(page.select("a")).allSatisfy(link -> {
            assertThat(link.attr("href")).isNotBlank();
            assertThat(link.text()).isNotBlank();
        });
        assertThat(page.select("[tabindex]")).allSatisfy(element ->
                assertThat(Integer.parseInt(element.attr("tabindex"))).as("no tab order of its own").isLessThanOrEqualTo(0));
        assertThat(page.select("form:not([hidden])")).allSatisfy(form ->
                assertThat(form.select("button[type=submit]")).as("a form is sent with a real button").isNotEmpty());
    }

    private static void assertLabelled(Document page, Element control) {
        String id = control.id();
        boolean labelled = !id.isEmpty() && !page.select("label[for=" + id + "]").text().isBlank()
                || !control.attr("aria-label").isBlank();
        assertThat(labelled).as("%s has a label", control.cssSelector()).isTrue();
    }

    private static void assertHeadingsDoNotSkipLevels(Elements headings) {
        int previous = 0;
        for (Element heading : headings) {
            int level = heading.tagName().charAt(1) - '0';
            assertThat(level).as("%s after h%d", heading.tagName(), previous).isLessThanOrEqualTo(previous + 1);
            assertThat(heading.text()).isNotBlank();
            previous = level;
        }
    }
}
