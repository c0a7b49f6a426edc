package com.invoicedelivery.events;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * What an event, one of its fields or an enum constant means to someone who reads the topics without this code: the
 * description in the JSON Schemas and the AsyncAPI document generated from these records (docs/api). Javadoc is not
 * there at run time, so what an integrator must know is said here, once; the Javadoc may say more for this code's
 * readers. A plain annotation: this module stays free of any framework (ADR 0002).
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD, RECORD_COMPONENT})
public @interface Description {

    String value();
}
