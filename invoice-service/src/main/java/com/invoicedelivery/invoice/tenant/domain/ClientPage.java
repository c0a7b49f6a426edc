package com.invoicedelivery.invoice.tenant.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.invoicedelivery.invoice.shared.domain.EmailAddress;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * What a tenant shows its clients on their link pages besides the invoice: a link to its privacy notice (the consent
 * page and every page's footer) and how to reach it. Every part optional; they travel with each send
 * ({@code Sender.privacyNoticeUrl}, {@code Sender.contact}).
 *
 * @param privacyNoticeUrl an absolute https URL with a host and no user name or password
 * @param email            a plain e-mail address
 * @param phone            a telephone number: digits, spaces and {@code + - ( ) / .}, at least 6 digits
 * @param address          the postal address, at most {@value #MAX_ADDRESS} characters
 */
public record ClientPage(String privacyNoticeUrl, String email, String phone, String address) {

    public static final int MAX_URL = 500;
    public static final int MAX_ADDRESS = 300;
    static final int MAX_PHONE = 40;
    private static final Pattern PHONE = Pattern.compile("[0-9 +()/.-]+");

    /**
     * The settings as given, stripped, blanks as absent.
     *
     * @throws RuleViolationException naming every field that breaks a rule ({@code privacyNoticeUrl},
     *                                {@code contact.email}, {@code contact.phone}, {@code contact.address})
     */
    public static ClientPage of(String privacyNoticeUrl, String email, String phone, String address) {
        Violations violations = new Violations();
        String url = stripped(privacyNoticeUrl);
        if (url != null && violations.optionalText(url, "privacyNoticeUrl", MAX_URL)) {
            violations.check(isHttpsUrl(url), "privacyNoticeUrl",
                    "must be an https address such as https://example.com/privacy (no user name or password)");
        }
        Violations contact = violations.nested("contact");
        String mail = stripped(email);
        if (mail != null) {
            contact.check(EmailAddress.isValid(mail), "email", "must be a plain e-mail address such as"
                    + " office@example.com");
        }
        String number = stripped(phone);
        if (number != null && contact.optionalText(number, "phone", MAX_PHONE)) {
            contact.check(PHONE.matcher(number).matches() && number.replaceAll("[^0-9]", "").length() >= 6,
                    "phone", "must be a telephone number: digits, spaces and + - ( ) / . (at least 6 digits)");
        }
        String postal = stripped(address);
        if (postal != null && contact.optionalText(postal, "address", MAX_ADDRESS)) {
            contact.check(!Texts.hasBidiControls(postal) && !Texts.hasControlCharactersBesidesLineBreaks(postal),
                    "address", "must not contain control characters other than line breaks");
        }
        violations.throwIfAny();
        return new ClientPage(url, mail, number, postal);
    }

    public boolean hasContact() {
        return email != null || phone != null || address != null;
    }

    static boolean isHttpsUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.isAbsolute() && "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) && uri.getHost() != null
                    && uri.getRawUserInfo() == null && !Texts.hasControlCharacters(url);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String stripped(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
