package com.invoicedelivery.tracking.logo.domain;

/**
 * An uploaded logo that is not one the pages may show; nothing was stored. The web layer answers 400.
 *
 * @see LogoImage
 */
public class InvalidLogoException extends RuntimeException {

    private final Integer limit;

    public InvalidLogoException(String message) {
        this(message, null);
    }

    private InvalidLogoException(String message, Integer limit) {
        super(message);
        this.limit = limit;
    }

    /** Larger than {@code limit} bytes. */
    public static InvalidLogoException tooLarge(int limit) {
        return new InvalidLogoException("must be at most " + limit + " bytes", limit);
    }

    /** The size limit that was broken; null when another rule was. */
    public Integer limit() {
        return limit;
    }
}
