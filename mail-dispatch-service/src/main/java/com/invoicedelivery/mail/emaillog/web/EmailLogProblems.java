package com.invoicedelivery.mail.emaillog.web;

import com.invoicedelivery.kit.problem.ProblemResponses;
import com.invoicedelivery.mail.emaillog.application.SourceUnavailableException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A source that cannot be put back together, because its attached PDF cannot be had: pdf-service unreachable is 503
 * with Retry-After (the same request will work later); the document no longer stored is 410 and its bytes changed
 * 409 (it never will). Each says that the e-mail's headers and texts are still at {@code GET /api/emails/{id}}. A
 * placeholder in the PDF's place is never answered: a tenant downloading "the e-mail as sent" gets it exactly or
 * is told why not. Ahead of the kit's handler, which answers anything unknown with 500.
 */
@RestControllerAdvice(assignableTypes = EmailLogController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class EmailLogProblems {

    static final int RETRY_AFTER_SECONDS = 60;
    private static final String STILL_READABLE = "; the e-mail's headers, texts and attachment names are still"
            + " shown by GET /api/emails/{id}";

    @ExceptionHandler(SourceUnavailableException.class)
    ResponseEntity<ProblemDetail> sourceUnavailable(SourceUnavailableException e) {
        ProblemDetail problem = switch (e.reason()) {
            case UNREACHABLE -> ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, "source-unavailable",
                    "The e-mail's source cannot be put together now", e.getMessage() + "; try again later"
                            + STILL_READABLE);
            case DOCUMENT_GONE -> ProblemResponses.problem(HttpStatus.GONE, "attachment-gone",
                    "The e-mail's attachment is no longer stored", e.getMessage() + STILL_READABLE);
            case DOCUMENT_CHANGED -> ProblemResponses.problem(HttpStatus.CONFLICT, "attachment-changed",
                    "The e-mail's attachment is no longer the one sent", e.getMessage() + STILL_READABLE);
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
        if (e.reason() == SourceUnavailableException.Reason.UNREACHABLE) {
            answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        }
        return answer.body(problem);
    }
}
