package com.invoicedelivery.kit.problem;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem bodies the same way everywhere. */
public final class ProblemResponses {

    /** Problem types live under this URI; the suffix names the kind of problem. */
    public static final String TYPE_BASE = "https://invoicedelivery.com/problems/";

    private ProblemResponses() {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail invalid(List<FieldViolation> violations) {
        FieldViolation first = violations.get(0);
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                first.field() + ": " + first.message());
        problem.setProperty("errors", violations);
        return problem;
    }
}
