package com.invoicedelivery.events;

public record BankDetails(String bankName, String iban, String bic) {
}
