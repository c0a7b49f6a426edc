package com.invoicedelivery.mail.settings.web;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.mail.settings.application.ConnectionTestsLimitedException;
import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException;
import com.invoicedelivery.mail.settings.domain.SecretsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A password that cannot be encrypted or decrypted is the service's configuration, not the caller's request: 503,
 * saying what an operator has to configure. Settings that break a rule: 400, as the kit answers invalid input
 * (the domain names its violations without the kit's HTTP types). Too many connection tests: 429 with Retry-After. Ahead of the kit's
 * handler, which answers anything unknown with 500.
 */
@RestControllerAdvice(assignableTypes = SmtpSettingsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SmtpSettingsProblems {

    private static final Logger log = LoggerFactory.getLogger(SmtpSettingsProblems.class);

    @ExceptionHandler(SecretsUnavailableException.class)
    ResponseEntity<ProblemDetail> secretsUnavailable(SecretsUnavailableException e) {
        log.warn("SMTP settings: {}", e.getMessage());
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "secrets-unavailable",
                "Passwords cannot be stored or read", e.getMessage()
                        + "; nothing was changed, and the platform's operators have to configure the key");
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Settings that break a rule: the same 400 invalid-request problem as any invalid input, field by field. */
    @ExceptionHandler(InvalidSmtpSettingsException.class)
    ResponseEntity<ProblemDetail> invalidSettings(InvalidSmtpSettingsException e) {
        ProblemDetail problem = ProblemResponses.invalid(e.violations().stream()
                .map(violation -> new FieldViolation(violation.field(), violation.message())).toList());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(ConnectionTestsLimitedException.class)
    ResponseEntity<ProblemDetail> testsLimited(ConnectionTestsLimitedException e) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-connection-tests",
                "Too many connection tests", e.getMessage());
        return ResponseEntity.status(problem.getStatus())
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds())).body(problem);
    }
}
