package com.invoicedelivery.kit.problem;

/** The request conflicts with the resource's current state (409). Nothing was changed. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
