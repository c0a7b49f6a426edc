package com.invoicedelivery.events;

/**
 * A supplier or recipient as printed on the invoice.
 *
 * @param uic               the unified identification code (ЕИК), 9 or 13 digits
 * @param vatNumber         e.g. BG123456789, or null when not VAT-registered
 * @param responsiblePerson the person responsible (МОЛ), may be null
 */
public record Party(String name, String address, String city, String country, String uic, String vatNumber,
                    String responsiblePerson) {
}
