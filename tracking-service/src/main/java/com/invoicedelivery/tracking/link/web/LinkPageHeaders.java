package com.invoicedelivery.tracking.link.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The headers every answer of the link pages carries: no framing, no referrer, no inline script, no caching, not
 * indexed. The pages' filter chains write them ({@link LinkPagesSecurityConfiguration}); an error page of a request
 * refused before those chains ran (by Tomcat, by the firewall) writes them itself ({@link LinkErrorDispatchFilter}).
 */
final class LinkPageHeaders {

    /**
     * Nothing but the page's own style sheet, script file, images, form targets and beacon ({@code connect-src},
     * which the beacon's {@code fetch} needs; everything else falls back to {@code default-src 'none'}).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    static final HeaderWriter ROBOTS = new StaticHeadersWriter("X-Robots-Tag", "noindex, nofollow");

    private static final List<HeaderWriter> ALL = List.of(
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.NO_REFERRER),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new XContentTypeOptionsHeaderWriter(),
            new CacheControlHeadersWriter(),
            ROBOTS);

    private LinkPageHeaders() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response) {
        ALL.forEach(writer -> writer.writeHeaders(request, response));
    }
}
