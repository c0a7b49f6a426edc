package com.invoicedelivery.kit.problem;

/**
 * One thing wrong with a request, named by the field it is about.
 *
 * @param field a JSON path into the request body, e.g. {@code items[3].recipients[0]}, or a parameter name
 */
public record FieldViolation(String field, String message) {
}
