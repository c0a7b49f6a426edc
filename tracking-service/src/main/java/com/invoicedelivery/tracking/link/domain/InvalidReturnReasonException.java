package com.invoicedelivery.tracking.link.domain;

/** A return reason that breaks the rules; nothing is recorded. */
public class InvalidReturnReasonException extends RuntimeException {

    /** What is wrong, for the page to explain in the client's language. */
    public enum Problem {
        MISSING,
        TOO_LONG
    }

    private final Problem problem;

    public InvalidReturnReasonException(Problem problem) {
        super(problem == Problem.MISSING ? "the return reason is required"
                : "the return reason is longer than " + ReturnReason.MAX_LENGTH + " characters");
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
