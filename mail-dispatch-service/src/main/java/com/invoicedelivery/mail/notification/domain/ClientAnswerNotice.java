package com.invoicedelivery.mail.notification.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.DocumentNames;
import com.invoicedelivery.events.language.LanguageFormats;
import com.invoicedelivery.events.language.Texts;

/**
 * The words of a notice to a tenant that its client accepted or returned a document, in the tenant's language
 * ({@code notice-texts_<language>.properties}, one bundle per language with no fallback, as every text the platform
 * writes). Plain text: the e-mail's HTML escapes it.
 */
public record ClientAnswerNotice(String subject, String message) {

    static final String BUNDLE = "com.invoicedelivery.mail.notification.domain.notice-texts";

    private static final Map<Language, Texts> TEXTS = Language.each(language -> Texts.load(BUNDLE, language));

    /**
     * @param answer  ACCEPTED or RETURNED
     * @param reason  the client's return reason (RETURNED)
     * @param zone    where the tenant reads the time of the answer
     * @throws IllegalArgumentException for any other activity: nothing else is notified
     */
    public static ClientAnswerNotice of(ClientActivity answer, Language language, DocumentKind kind, String number,
                                        String client, String reason, Instant at, ZoneId zone) {
        String key = switch (answer) {
            case ACCEPTED -> "accepted";
            case RETURNED -> "returned";
            default -> throw new IllegalArgumentException(answer + " is no answer to notify");
        };
        Texts texts = TEXTS.get(language);
        String document = DocumentNames.of(language).title(kind == null ? DocumentKind.INVOICE : kind, number);
        String time = LanguageFormats.of(language).numericDateTime(at.atZone(zone));
        String message = fill(texts.get(key + ".message"), document, client, reason, time)
                + "\n\n" + texts.get("footer");
        return new ClientAnswerNotice(fill(texts.get(key + ".subject"), document, client, reason, time), message);
    }

    private static String fill(String text, String document, String client, String reason, String time) {
        // the reason last: what a client typed is never read for placeholders
        return text.replace("{document}", document).replace("{client}", client == null ? "" : client)
                .replace("{at}", time).replace("{reason}", reason == null ? "" : reason.strip());
    }
}
