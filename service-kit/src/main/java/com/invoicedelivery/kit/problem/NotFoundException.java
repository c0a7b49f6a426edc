package com.invoicedelivery.kit.problem;

/**
 * The resource does not exist for this caller. A resource of another tenant is "not found" too: the
 * answer never tells that it exists.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super(what + " " + id + " was not found");
    }
}
