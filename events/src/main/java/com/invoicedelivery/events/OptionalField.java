package com.invoicedelivery.events;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A field an event may carry as null or not at all; every field without it is required: always present, never null.
 * The evolution policy (docs/ARCHITECTURE.md, "Event evolution") adds fields within a major version only as optional
 * ones, so a field added to a record of this module after its version was first published carries this annotation.
 * The generated JSON Schemas (docs/api) list the other fields as {@code required} and allow {@code null} here only.
 */
@Documented
@Retention(RUNTIME)
@Target({FIELD, METHOD, RECORD_COMPONENT})
public @interface OptionalField {
}
