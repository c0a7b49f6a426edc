package com.invoicedelivery.tracking.link.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.TenantContact;

/**
 * What the tenant set for its client pages, as the send carried it: a link to its privacy notice and how to reach it.
 * invoice-service validates both; the page checks again what it turns into a link, so that nothing on the bus can put
 * a {@code javascript:} or {@code data:} URL, or a header into a {@code mailto:}, on a client's page.
 *
 * @param privacyNoticeUrl an absolute https URL, or null
 * @param email            a plain e-mail address (for a {@code mailto:} link), or null
 * @param phone            a telephone number (digits, spaces, {@code + - ( ) / .}), or null
 * @param address          the postal address as text, or null
 */
public record TenantPage(String privacyNoticeUrl, String email, String phone, String address) {

    /** Letters a {@code mailto:} link takes as they are: no {@code ? & = % #}, which would start headers or a query. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()/.-]{3,40}");
    private static final int MAX_URL = 500;
    private static final int MAX_ADDRESS = 300;

    /** What a send's sender gives the page; null when it gives nothing showable. */
    public static TenantPage of(Sender sender) {
        if (sender == null) {
            return null;
        }
        TenantContact contact = sender.contact();
        TenantPage page = new TenantPage(httpsUrl(sender.privacyNoticeUrl()),
                contact == null ? null : matching(contact.email(), EMAIL),
                contact == null ? null : matching(contact.phone(), PHONE),
                contact == null ? null : text(contact.address()));
        return page.showsNothing() ? null : page;
    }

    /** The number for a {@code tel:} link: its digits and a leading plus. */
    public String phoneLink() {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return (phone.strip().startsWith("+") ? "+" : "") + digits;
    }

    public boolean hasContact() {
        return email != null || phone != null || address != null;
    }

    private boolean showsNothing() {
        return privacyNoticeUrl == null && !hasContact();
    }

    static String httpsUrl(String url) {
        if (url == null || url.isBlank() || url.length() > MAX_URL) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            boolean https = "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT));
            return https && uri.getHost() != null && uri.getRawUserInfo() == null ? uri.toASCIIString() : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String matching(String value, Pattern pattern) {
        return value != null && pattern.matcher(value.strip()).matches() ? value.strip() : null;
    }

    private static String text(String value) {
        return value == null || value.isBlank() || value.length() > MAX_ADDRESS ? null : value.strip();
    }
}
