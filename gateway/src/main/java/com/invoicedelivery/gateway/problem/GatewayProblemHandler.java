package com.invoicedelivery.gateway.problem;

import java.net.SocketTimeoutException;

import com.invoicedelivery.kit.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The gateway's own refusals as RFC 9457 problems, like every service's: a path no route takes is a 404 (Spring's
 * NoResourceFoundException, handled by the base class), a service that cannot be reached a 503 and one that does not
 * answer in time a 504, an error answer to the gateway's own document requests a 502. What a service answers itself (its 401, its 400 problems) passes through untouched.
 */
@RestControllerAdvice
public class GatewayProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);
    /** A service restarting (a deployment, a crash) is back within seconds. */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(ResourceAccessException.class)
    ResponseEntity<ProblemDetail> serviceUnreachable(ResourceAccessException e) {
        if (causedBy(e, SocketTimeoutException.class)) {
            log.warn("a service did not answer in time: {}", e.getMessage());
            return respond(ProblemResponses.problem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout",
                    "Service did not answer", "The service behind this path did not answer in time; the request may"
                            + " or may not have been carried out."));
        }
        log.warn("a service could not be reached: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", "The service behind this path cannot be reached; try again shortly."));
    }

    /** Only the gateway's own calls (the API documents) end here: a routed answer passes through whatever it is. */
    @ExceptionHandler(RestClientResponseException.class)
    ResponseEntity<ProblemDetail> serviceRefused(RestClientResponseException e) {
        log.warn("a service refused the gateway's own request: {}", e.getMessage());
        return respond(ProblemResponses.problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                "A service answered the gateway with an error (" + e.getStatusCode().value() + ")."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error", e);
        return respond(ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request could not be completed; it has been logged."));
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
