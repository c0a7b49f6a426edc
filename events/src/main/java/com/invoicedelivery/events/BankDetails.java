package com.invoicedelivery.events;

@Description("The supplier's bank account, as printed on the invoice.")
public record BankDetails(String bankName, String iban, @OptionalField String bic) {
}
