package com.invoicedelivery.tracking.link.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The error dispatch ({@code /error}) of a request under {@code /l/}: whatever the request accepted, the answer
 * is one of the link pages' neutral pages ({@code templates/error/}), with the pages' strict headers, never
 * Boot's JSON error (which would name the path, token included). It covers the refusals made outside the pages'
 * controller: the rate limit, CSRF, Spring Security's firewall, Tomcat's own, and Spring MVC's 404/405.
 */
class LinkErrorDispatchFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR || !fromLinkPages(request);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        LinkPageHeaders.write(request, response);
        chain.doFilter(new AcceptingHtml(request), response);
    }

    static boolean fromLinkPages(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri instanceof String path && LinkPaths.under(path.substring(request.getContextPath().length()));
    }

    /** Makes Boot's error controller answer with its HTML view, whatever the client asked for. */
    private static final class AcceptingHtml extends HttpServletRequestWrapper {

        AcceptingHtml(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.TEXT_HTML_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of(MediaType.TEXT_HTML_VALUE))
                    : super.getHeaders(name);
        }
    }
}
