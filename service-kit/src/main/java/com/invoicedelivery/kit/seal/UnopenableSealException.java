package com.invoicedelivery.kit.seal;

/** A sealed value this service cannot open; the message says why, and never contains what was sealed. */
public class UnopenableSealException extends RuntimeException {

    public UnopenableSealException(String message) {
        super(message);
    }
}
