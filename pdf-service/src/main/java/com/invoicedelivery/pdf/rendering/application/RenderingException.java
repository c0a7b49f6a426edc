package com.invoicedelivery.pdf.rendering.application;

/**
 * The invoice could not be turned into a PDF by the rendering itself (not for want of a thread or of time).
 * Rendering the same invoice again would fail the same way.
 */
public class RenderingException extends RuntimeException {

    public RenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
