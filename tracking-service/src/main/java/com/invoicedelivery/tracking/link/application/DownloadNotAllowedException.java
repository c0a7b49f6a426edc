package com.invoicedelivery.tracking.link.application;

/** The PDF is offered only after the client accepted the invoice. */
public class DownloadNotAllowedException extends RuntimeException {

    public DownloadNotAllowedException() {
        super("the invoice has not been accepted");
    }
}
