package com.invoicedelivery.tracking.link.web;

import jakarta.servlet.http.HttpServletRequest;

/** The client's link pages live under {@code /l/}. */
final class LinkPaths {

    static final String PREFIX = "/l/";

    private LinkPaths() {
    }

    /** The request's path within the application, as sent (still encoded). */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    static boolean under(String path) {
        return path.startsWith(PREFIX);
    }
}
