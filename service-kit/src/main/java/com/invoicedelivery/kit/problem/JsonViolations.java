package com.invoicedelivery.kit.problem;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names what is wrong with a JSON input Jackson refused, by the field's JSON path ({@code items[3].recipients[0]}),
 * without echoing its value: the same words on the APIs (a 400) and in the answer to an import batch from Kafka.
 */
public final class JsonViolations {

    /** The field of a violation about the input as a whole. */
    public static final String BODY = "body";

    private JsonViolations() {
    }

    public static FieldViolation of(JacksonException error) {
        if (error instanceof UnrecognizedPropertyException unknown) {
            return new FieldViolation(path(unknown), "is not a known field");
        }
        // a parse error (cut short, a stray character) has the path of where the parser stopped, which names a
        // field that may well be right; only a number out of range is about one value
        if (error instanceof StreamReadException && !(error instanceof InputCoercionException)) {
            return new FieldViolation(BODY, "is not valid JSON");
        }
        if (!error.getPath().isEmpty()) {
            return new FieldViolation(path(error), "has an invalid value or type");
        }
        return new FieldViolation(BODY, "is missing or is not valid JSON");
    }

    /** The JSON path of the field Jackson stopped at; {@value #BODY} at the top. */
    public static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? BODY : path.toString();
    }
}
