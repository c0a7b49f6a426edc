package com.invoicedelivery.kit.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import com.invoicedelivery.kit.problem.ProblemResponses;

/**
 * A request Spring Security's firewall refuses ({@code //}, {@code ;}, an encoded dot or NUL in the path) answers
 * 400 as an RFC 9457 problem like every other refusal of the APIs, without saying what the firewall disliked. A
 * browser asking for a page gets the service's own error page instead (the plain 400 the firewall would send).
 */
public class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final JsonMapper json;
    private final RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();

    public ProblemRequestRejectedHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       RequestRejectedException rejected) throws IOException, ServletException {
        if (wantsAPage(request)) {
            pages.handle(request, response, rejected);
            return;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ProblemResponses.problem(HttpStatus.BAD_REQUEST,
                "rejected-request", "Bad request", "The request's path or headers are not allowed."));
    }

    private static boolean wantsAPage(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> !type.isWildcardType() && type.includes(MediaType.TEXT_HTML));
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
