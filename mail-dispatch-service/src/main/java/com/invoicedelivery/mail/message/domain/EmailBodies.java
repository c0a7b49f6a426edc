package com.invoicedelivery.mail.message.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.invoicedelivery.events.SendDetails;

/**
 * Renders a letter's message as plain text and as HTML. In link mode the marker {@value #LINK_MARKER} becomes the
 * recipient's personal link (appended when the message has no marker): the plain URL in the text, a button plus
 * the plain URL in the HTML. In attachment mode the marker is dropped. Both end with the document's number and
 * the tenant's name. The HTML shows the user's text escaped, never interpreted.
 */
public final class EmailBodies {

    public static final String LINK_MARKER = SendDetails.LINK_MARKER;

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");
    private static final Pattern TRAILING_BLANKS = Pattern.compile("[ \\t]+(?=\\n|$)");
    private static final String PARAGRAPH = "<p style=\"margin:0 0 16px\">";
    private static final String BUTTON_STYLE = "display:inline-block;margin:8px 0;padding:10px 20px;"
            + "background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:4px;font-weight:bold";

    private EmailBodies() {
    }

    /**
     * @param linkUrl the recipient's personal link in clear (link mode; the job keeps it only sealed), or what stands
     *                for it in the e-mail log's copy; null in attachment mode
     * @throws MessagePreparationException (permanent) in link mode when the recipient has no personal link
     */
    public static EmailBody render(RecipientEmail letter, String linkUrl) {
        String message = messageWithMarker(letter, linkUrl);
        List<String> footer = footerLines(letter);
        return new EmailBody(text(message, linkUrl, footer), html(letter, linkUrl, message, footer));
    }

    private static String messageWithMarker(RecipientEmail letter, String linkUrl) {
        String message = normalized(letter.message());
        if (letter.carriesLink()) {
            if (linkUrl == null || linkUrl.isBlank()) {
                throw MessagePreparationException.permanent("the recipient " + letter.recipientEmail()
                        + " has no personal link, which a link-mode e-mail must carry");
            }
            return message.contains(LINK_MARKER) ? message : (message + "\n\n" + LINK_MARKER).strip();
        }
        return TRAILING_BLANKS.matcher(message.replace(LINK_MARKER, "")).replaceAll("").strip();
    }

    private static String normalized(String message) {
        return message == null ? "" : message.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static List<String> footerLines(RecipientEmail letter) {
        List<String> lines = new ArrayList<>();
        if (letter.invoiceNumber() != null && !letter.invoiceNumber().isBlank()) {
            lines.add(MailLabels.of(letter.language()).documentTitle(letter.documentKind(), letter.invoiceNumber()));
        }
        if (letter.tenantName() != null && !letter.tenantName().isBlank()) {
            lines.add(letter.tenantName());
        }
        return lines;
    }

    private static String text(String message, String linkUrl, List<String> footer) {
        String body = linkUrl == null ? message : message.replace(LINK_MARKER, linkUrl);
        // "-- " is the usual signature separator: mail clients show what follows as a signature
        return footer.isEmpty() ? body + "\n" : body + "\n\n-- \n" + String.join("\n", footer) + "\n";
    }

    private static String html(RecipientEmail letter, String linkUrl, String message, List<String> footer) {
        StringBuilder html = new StringBuilder()
                .append("<!DOCTYPE html>\n<html lang=\"").append(letter.languageTag())
                .append("\">\n<head>\n<meta charset=\"UTF-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(escape(letter.subject() == null ? "" : letter.subject())).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:15px;")
                .append("line-height:1.5;color:#1f2933;background:#ffffff\">\n");
        for (String paragraph : BLANK_LINES.split(message)) {
            if (!paragraph.isBlank()) {
                html.append(PARAGRAPH).append(paragraphHtml(paragraph, letter, linkUrl)).append("</p>\n");
            }
        }
        if (!footer.isEmpty()) {
            html.append("<p style=\"margin:24px 0 0;font-size:13px;color:#52606d\">")
                    .append(String.join("<br>\n", footer.stream().map(EmailBodies::escape).toList()))
                    .append("</p>\n");
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static String paragraphHtml(String paragraph, RecipientEmail letter, String linkUrl) {
        String[] pieces = paragraph.split(Pattern.quote(LINK_MARKER), -1);
        StringBuilder html = new StringBuilder(lines(pieces[0]));
        for (int i = 1; i < pieces.length; i++) {
            html.append(linkHtml(letter, linkUrl)).append(lines(pieces[i]));
        }
        return html.toString();
    }

    private static String lines(String text) {
        // split with limit -1 keeps a line break that ends or starts a piece, next to the link
        return String.join("<br>\n", Arrays.stream(text.split("\n", -1)).map(EmailBodies::escape).toList());
    }

    /** A button for people, and the plain URL below it for those whose client hides buttons or who copy links. */
    private static String linkHtml(RecipientEmail letter, String linkUrl) {
        String url = escape(linkUrl);
        return "<a href=\"" + url + "\" style=\"" + BUTTON_STYLE + "\">"
                + escape(MailLabels.of(letter.language()).openDocument()) + "</a><br>\n"
                + "<a href=\"" + url + "\" style=\"font-size:13px;color:#1d4ed8\">" + url + "</a>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
