package com.invoicedelivery.tracking.logo.web;

import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.tracking.logo.domain.InvalidLogoException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A logo the pages may not show: the 400 invalid-request problem naming {@code logo}, with the size limit if broken. */
@RestControllerAdvice(assignableTypes = LogoController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class LogoProblems {

    @ExceptionHandler(InvalidLogoException.class)
    ResponseEntity<ProblemDetail> invalidLogo(InvalidLogoException e) {
        ProblemDetail problem = ProblemResponses.invalid(List.of(new FieldViolation("logo", e.getMessage())));
        if (e.limit() != null) {
            problem.setProperty("limit", e.limit());
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
