package com.invoicedelivery.invoice.shared.web;

import java.util.List;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.shared.domain.UnknownReferenceException;
import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.ProblemResponses;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The domain's refusals as RFC 9457 problems, shaped like the kit's: a broken rule is 400 {@code invalid-request},
 * a broken size limit also names the limit's value ({@code limit-exceeded}, {@code limit}), a state conflict is 409
 * {@code conflict}, and a request naming things that do not exist is 404 {@code not-found}; each lists its fields
 * ({@code errors}). Consulted before the kit's handler, which answers everything else.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestProblemHandler {

    @ExceptionHandler(LimitExceededException.class)
    ResponseEntity<ProblemDetail> limitExceeded(LimitExceededException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "limit-exceeded", "Limit exceeded",
                e.exceeded().field() + ": " + e.exceeded().message());
        problem.setProperty("limit", e.limit());
        problem.setProperty("errors", fieldViolations(e.violations()));
        return respond(problem);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolationException e) {
        return respond(ProblemResponses.invalid(fieldViolations(e.violations())));
    }

    @ExceptionHandler(StateConflictException.class)
    ResponseEntity<ProblemDetail> conflict(StateConflictException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
        if (!e.violations().isEmpty()) {
            problem.setProperty("errors", fieldViolations(e.violations()));
        }
        return respond(problem);
    }

    @ExceptionHandler(UnknownReferenceException.class)
    ResponseEntity<ProblemDetail> notFound(UnknownReferenceException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty("errors", fieldViolations(e.violations()));
        return respond(problem);
    }

    /** The domain's violations in the API's shape ({@code field}, {@code message}). */
    public static List<FieldViolation> fieldViolations(List<RuleViolation> violations) {
        return violations.stream().map(violation -> new FieldViolation(violation.field(), violation.message())).toList();
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
