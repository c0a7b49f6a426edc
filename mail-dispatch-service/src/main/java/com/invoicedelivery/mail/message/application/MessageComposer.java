package com.invoicedelivery.mail.message.application;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.message.domain.AttachedDocument;
import com.invoicedelivery.mail.message.domain.AttachmentReference;
import com.invoicedelivery.mail.message.domain.EmailBodies;
import com.invoicedelivery.mail.message.domain.EmailBody;
import com.invoicedelivery.mail.message.domain.LinkMask;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import com.invoicedelivery.mail.message.domain.RecipientEmail;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes a letter into its MIME source: From the tenant's name and the sending address, Reply-To the tenant,
 * To the recipient, an RFC 2047 subject, the job's fixed Message-ID, and a multipart/alternative body (plain text
 * and HTML, UTF-8). In attachment mode the body is wrapped in multipart/mixed with the PDF, fetched by id and
 * checked against the send's SHA-256, its file name encoded per RFC 2231.
 */
public class MessageComposer {

    static final String UTF_8 = StandardCharsets.UTF_8.name();

    private static final Logger log = LoggerFactory.getLogger(MessageComposer.class);

    static {
        MailStreams.named();
    }

    private final DocumentSource documents;
    private final Session session = Session.getInstance(new Properties());

    public MessageComposer(DocumentSource documents) {
        this.documents = documents;
    }

    /**
     * The e-mail, and its copy for the e-mail log: in link mode the same e-mail composed again with the link's token
     * hidden ({@link LinkMask}), same headers, Message-ID and date.
     *
     * @param linkUrl     the recipient's personal link in clear (link mode); null in attachment mode
     * @param fromAddress the sending address (the tenant's name is its display name)
     * @param messageId   the job's Message-ID, kept on every attempt
     * @throws MessagePreparationException when the e-mail cannot be composed (see its {@code isTemporary()})
     */
    public PreparedEmail compose(RecipientEmail letter, String linkUrl, String fromAddress, String messageId,
                                 Instant date) {
        AttachedDocument attachment = letter.attachesDocument() ? attachment(letter.document()) : null;
        byte[] source = source(letter, EmailBodies.render(letter, linkUrl), attachment, fromAddress, messageId, date);
        boolean linkHidden = letter.carriesLink();
        byte[] logged = linkHidden ? source(letter, EmailBodies.render(letter, LinkMask.masked(linkUrl)), attachment,
                fromAddress, messageId, date) : source;
        return new PreparedEmail(source, Sha256.hex(source), messageId, displayedFrom(fromAddress, letter),
                letter.recipientEmail(), letter.subject(), logged, linkHidden, storedCopy(logged, letter, attachment));
    }

    /**
     * The log's copy without the PDF's base64 body: pdf-service keeps the document, so the log keeps where it stood,
     * the document's id, SHA-256 and size, and the encoding (Jakarta Mail's: 76-character lines, CRLF), which put the
     * body back byte for byte. Should the body not be found as that encoding writes it, the copy is kept whole.
     */
    private static LoggedCopy storedCopy(byte[] logged, RecipientEmail letter, AttachedDocument attachment) {
        if (attachment == null) {
            return LoggedCopy.whole(logged);
        }
        LoggedCopy copy = LoggedCopy.detached(logged,
                AttachmentReference.mimeBase64(letter.document().documentId(), letter.document().sha256(),
                        attachment.content()),
                attachment.content());
        if (!copy.isDetached()) {
            log.warn("the base64 body of document {} was not found as encoded; the e-mail log keeps the copy whole",
                    letter.document().documentId());
        }
        return copy;
    }

    private static String displayedFrom(String fromAddress, RecipientEmail letter) {
        try {
            return from(fromAddress, letter.tenantName()).toUnicodeString();
        } catch (UnsupportedEncodingException e) {
            throw MessagePreparationException.permanent("the e-mail could not be composed: " + e.getMessage(), e);
        }
    }

    private byte[] source(RecipientEmail letter, EmailBody body, AttachedDocument attachment, String fromAddress,
                          String messageId, Instant date) {
        try {
            MimeMessage message = new FixedIdMimeMessage(session, messageId);
            InternetAddress from = from(fromAddress, letter.tenantName());
            message.setFrom(from);
            if (letter.replyTo() != null && !letter.replyTo().isBlank()) {
                message.setReplyTo(new InternetAddress[] {address(letter.replyTo(), "reply-to address")});
            }
            message.setRecipient(MimeMessage.RecipientType.TO, address(letter.recipientEmail(), "recipient address"));
            message.setSubject(letter.subject() == null ? "" : letter.subject(), UTF_8);
            message.setSentDate(Date.from(date));
            message.setHeader("Content-Language", letter.languageTag());
            MimeMultipart alternative = alternative(body);
            message.setContent(attachment == null ? alternative : mixed(alternative, attachment));
            message.saveChanges();
            return source(message);
        } catch (MessagingException | IOException e) {
            throw MessagePreparationException.permanent("the e-mail could not be composed: " + e.getMessage(), e);
        }
    }

    private AttachedDocument attachment(DocumentRef document) {
        if (document == null || document.documentId() == null) {
            throw MessagePreparationException.permanent("the send names no document to attach");
        }
        return AttachedDocument.verified(document, documents.fetch(document.documentId()));
    }

    private static InternetAddress from(String address, String displayName) throws UnsupportedEncodingException {
        InternetAddress from = address(address, "sending address");
        from.setPersonal(displayName, UTF_8);
        return from;
    }

    private static InternetAddress address(String address, String what) {
        if (address == null || address.isBlank()) {
            throw MessagePreparationException.permanent("the e-mail has no " + what);
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            return parsed;
        } catch (AddressException e) {
            throw MessagePreparationException.permanent("the " + what + " '" + address
                    + "' is not a valid e-mail address");
        }
    }

    private static MimeMultipart alternative(EmailBody body) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body.text(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(body.html(), UTF_8, "html");
        // the last part is the richest: clients that can show HTML show it, the others the text
        return new MimeMultipart("alternative", text, html);
    }

    private static MimeMultipart mixed(MimeMultipart alternative, AttachedDocument attachment)
            throws MessagingException {
        MimeBodyPart message = new MimeBodyPart();
        message.setContent(alternative);
        return new MimeMultipart("mixed", message, pdf(attachment));
    }

    /** The file name in RFC 2231 form ({@code filename*=UTF-8''%D0%A4...}), so Cyrillic names survive. */
    private static MimeBodyPart pdf(AttachedDocument attachment) throws MessagingException {
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), "application/pdf")));
        pdf.setHeader("Content-Type", new ContentType("application", "pdf", parameter("name", attachment.fileName()))
                .toString());
        pdf.setHeader("Content-Disposition", new ContentDisposition(Part.ATTACHMENT,
                parameter("filename", attachment.fileName())).toString());
        pdf.setHeader("Content-Transfer-Encoding", "base64");
        return pdf;
    }

    private static ParameterList parameter(String name, String value) {
        ParameterList parameters = new ParameterList();
        // with an explicit charset the value is encoded per RFC 2231, whatever the JVM's default charset is
        parameters.set(name, value, UTF_8);
        return parameters;
    }

    private static byte[] source(MimeMessage message) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Keeps the job's Message-ID: Jakarta Mail would otherwise make a new one on every save. */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
