package com.invoicedelivery.invoice.shared.web;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RequestNotFoundException;
import com.invoicedelivery.kit.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems this API says more about than the kit's defaults: a broken size limit names the limit's value
 * ({@code limit}), and a request naming things that do not exist lists each field. Consulted before the kit's
 * handler, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestProblemHandler {

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<ProblemDetail> limitExceeded(LimitExceededException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "limit-exceeded", "Limit exceeded",
                e.exceeded().field() + ": " + e.exceeded().message());
        problem.setProperty("limit", e.limit());
        problem.setProperty("errors", e.violations());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(RequestNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(RequestNotFoundException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty("errors", e.violations());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
