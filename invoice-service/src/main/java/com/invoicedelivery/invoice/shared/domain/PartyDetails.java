package com.invoicedelivery.invoice.shared.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A company or person as an invoice prints it: the tenant's company (the supplier) and each client (the recipient).
 *
 * @param uic               the unified identification code (ЕИК): 9 or 13 digits for a Bulgarian party; a foreign
 *                          party's own company registration number otherwise
 * @param vatNumber         e.g. BG123456789; null when not VAT-registered
 * @param responsiblePerson the person responsible (МОЛ); may be null
 */
public record PartyDetails(String name, String address, String city, String country, String uic, String vatNumber,
                           String responsiblePerson) {

    private static final Pattern UIC = Pattern.compile("\\d{9}|\\d{13}");
    private static final Pattern FOREIGN_REGISTRATION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]{1,29}");
    private static final Set<String> BULGARIA = Set.of("българия", "република българия", "bulgaria",
            "republic of bulgaria", "bg");
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
        if (violations.requireText(name, "name", 200)) {
            violations.displayable(name, "name");
        }
        violations.requireText(address, "address", 300);
        violations.requireText(city, "city", 100);
        violations.requireText(country, "country", 100);
        if (Texts.isBlank(uic)) {
            violations.check(!uicRequired, "uic", "is required");
        } else if (isBulgarian()) {
            violations.check(UIC.matcher(uic).matches(), "uic", "must be 9 or 13 digits");
        } else {
            violations.check(FOREIGN_REGISTRATION.matcher(uic).matches(), "uic",
                    "must be the company's registration number: 2 to 30 letters, digits, spaces, '.', '/' or '-'");
        }
        violations.check(Texts.isBlank(vatNumber) || VAT_NUMBER.matcher(vatNumber).matches(), "vatNumber",
                "must be a country code and 2 to 13 letters or digits, e.g. BG123456789");
        violations.optionalText(responsiblePerson, "responsiblePerson", 200);
    }

    /** A Bulgarian party's UIC is an ЕИК; a foreign client (e.g. in the United Kingdom) has its own kind of number. */
    private boolean isBulgarian() {
        return country == null || BULGARIA.contains(country.strip().toLowerCase(Locale.ROOT));
    }
}
