package com.invoicedelivery.events;

/**
 * A supplier or recipient as printed on the invoice.
 *
 * @param uic               the unified identification code (ЕИК), 9 or 13 digits
 * @param vatNumber         e.g. BG123456789, or null when not VAT-registered
 * @param responsiblePerson the person responsible (МОЛ), may be null
 */
@Description("A supplier or recipient as printed on the invoice.")
public record Party(String name, String address, String city, String country,
                    @Description("The unified identification code (ЕИК), 9 or 13 digits; a foreign client may have "
                            + "none.") @OptionalField String uic,
                    @Description("E.g. BG123456789; null when not VAT-registered.") @OptionalField String vatNumber,
                    @Description("The person responsible (МОЛ).") @OptionalField String responsiblePerson) {
}
