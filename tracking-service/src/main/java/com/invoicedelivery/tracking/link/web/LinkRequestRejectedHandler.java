package com.invoicedelivery.tracking.link.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A path under {@code /l/} that Spring Security's firewall refuses ({@code ;}, {@code //}, an encoded slash) is a
 * broken link, not an API call: it answers 400 through the error dispatch, which shows the neutral page
 * ({@link LinkErrorDispatchFilter}), whatever it accepts. Every other path keeps the kit's handler (a problem).
 */
class LinkRequestRejectedHandler implements RequestRejectedHandler {

    private final RequestRejectedHandler others;

    LinkRequestRejectedHandler(RequestRejectedHandler others) {
        this.others = others;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException, ServletException {
        if (LinkPaths.under(LinkPaths.path(request))) {
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        others.handle(request, response, rejected);
    }
}
