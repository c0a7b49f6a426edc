package com.invoicedelivery.tracking.link.web;

import com.invoicedelivery.tracking.link.application.DocumentUnavailableException;
import com.invoicedelivery.tracking.link.application.LinkUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the link pages are pages, not the APIs' JSON problems. An unknown, malformed or expired link
 * gets one neutral page with one status, so probing tokens teaches nothing.
 */
@ControllerAdvice(assignableTypes = LinkPageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LinkPageErrors {

    private static final Logger log = LoggerFactory.getLogger(LinkPageErrors.class);

    @ExceptionHandler(LinkUnavailableException.class)
    ModelAndView linkUnavailable(LinkUnavailableException e) {
        log.debug("link page refused: {}", e.getMessage());
        return new ModelAndView("link/invalid", HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(DocumentUnavailableException.class)
    ModelAndView documentUnavailable(DocumentUnavailableException e) {
        log.warn("PDF download failed: {}", e.getMessage());
        return trouble(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse known) {
            return trouble(known.getStatusCode());
        }
        log.error("link page failed", e);
        return trouble(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView trouble(HttpStatusCode status) {
        return new ModelAndView("link/trouble", status);
    }
}
