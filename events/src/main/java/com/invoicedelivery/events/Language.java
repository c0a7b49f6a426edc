package com.invoicedelivery.events;

/** The languages an invoice, its e-mail and its client page can be in. */
public enum Language {
    BG,
    EN
}
