package com.invoicedelivery.invoice.shared.domain;

import java.util.regex.Pattern;

/**
 * A company or person as an invoice prints it: the tenant's company (the supplier) and each client (the recipient).
 *
 * @param uic               the unified identification code (ЕИК): 9 or 13 digits
 * @param vatNumber         e.g. BG123456789; null when not VAT-registered
 * @param responsiblePerson the person responsible (МОЛ); may be null
 */
public record PartyDetails(String name, String address, String city, String country, String uic, String vatNumber,
                           String responsiblePerson) {

    private static final Pattern UIC = Pattern.compile("\\d{9}|\\d{13}");
    private static final Pattern VAT_NUMBER = Pattern.compile("[A-Z]{2}[0-9A-Z]{2,13}");

    /** The same details with surrounding white space removed and blank optional fields left out. */
    public PartyDetails cleaned() {
        return new PartyDetails(Texts.clean(name), Texts.clean(address), Texts.clean(city), Texts.clean(country),
                Texts.clean(uic), Texts.clean(vatNumber), Texts.clean(responsiblePerson));
    }

    /**
     * Checks what an invoice needs to print this party; check the {@link #cleaned()} form.
     *
     * @param uicRequired the supplier must name its UIC; a recipient may be a person without one
     */
    public void validate(Violations violations, boolean uicRequired) {
        violations.requireText(name, "name", 200);
        violations.requireText(address, "address", 300);
        violations.requireText(city, "city", 100);
        violations.requireText(country, "country", 100);
        if (Texts.isBlank(uic)) {
            violations.check(!uicRequired, "uic", "is required");
        } else {
            violations.check(UIC.matcher(uic).matches(), "uic", "must be 9 or 13 digits");
        }
        violations.check(Texts.isBlank(vatNumber) || VAT_NUMBER.matcher(vatNumber).matches(), "vatNumber",
                "must be a country code and 2 to 13 letters or digits, e.g. BG123456789");
        violations.optionalText(responsiblePerson, "responsiblePerson", 200);
    }
}
