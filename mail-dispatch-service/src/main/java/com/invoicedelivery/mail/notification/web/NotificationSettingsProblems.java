package com.invoicedelivery.mail.notification.web;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.mail.notification.domain.InvalidNotificationSettingsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Settings that break a rule: the same 400 invalid-request problem as any invalid input, field by field. */
@RestControllerAdvice(assignableTypes = NotificationSettingsController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class NotificationSettingsProblems {

    @ExceptionHandler(InvalidNotificationSettingsException.class)
    ResponseEntity<ProblemDetail> invalidSettings(InvalidNotificationSettingsException e) {
        ProblemDetail problem = ProblemResponses.invalid(e.violations().stream()
                .map(violation -> new FieldViolation(violation.field(), violation.message())).toList());
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
