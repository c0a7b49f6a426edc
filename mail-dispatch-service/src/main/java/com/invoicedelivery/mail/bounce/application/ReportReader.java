package com.invoicedelivery.mail.bounce.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.bounce.domain.BounceRules;
import com.invoicedelivery.mail.bounce.domain.InboundReport;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;

/**
 * Reads a report that came back, with Jakarta Mail: a {@code multipart/report} whose {@code report-type} is
 * {@code delivery-status} (RFC 3464: a {@code message/delivery-status} part, one field group for the message and one
 * per recipient) or {@code feedback-report} (RFC 5965: a {@code message/feedback-report} part), and the copy of the
 * e-mail it is about ({@code message/rfc822} or {@code text/rfc822-headers}), from which only the Message-ID and
 * Return-Path are read. Anything else (a bounce in prose, an auto-reply) is not a report: empty. The parts are read
 * as field blocks, never executed or followed.
 */
public class ReportReader {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** @return empty when {@code raw} is no report this reader understands */
    public Optional<InboundReport> read(byte[] raw) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            ContentType type = new ContentType(message.getContentType());
            if (!type.match("multipart/report")) {
                return Optional.empty();
            }
            MimeMultipart parts = new MimeMultipart(new MimePartDataSource(message));
            String reportId = reportId(message, raw);
            List<FieldBlock> status = null;
            FieldBlock feedback = null;
            InternetHeaders original = null;
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                ContentType partType = new ContentType(part.getContentType());
                if (partType.match("message/delivery-status") || partType.match("message/global-delivery-status")) {
                    status = blocks(part);
                } else if (partType.match("message/feedback-report")) {
                    List<FieldBlock> blocks = blocks(part);
                    feedback = blocks.isEmpty() ? null : blocks.get(0);
                } else if (partType.match("message/rfc822") || partType.match("text/rfc822-headers")
                        || partType.match("message/rfc822-headers") || partType.match("message/global")
                        || partType.match("message/global-headers")) {
                    try (InputStream in = part.getInputStream()) {
                        original = new InternetHeaders(in);
                    }
                }
            }
            String originalMessageId = original == null ? null : original.getHeader("Message-ID", null);
            String originalReturnPath = original == null ? null : original.getHeader("Return-Path", null);
            if (status != null && !status.isEmpty()) {
                return Optional.of(deliveryStatus(reportId, status, originalMessageId, originalReturnPath));
            }
            if (feedback != null) {
                return Optional.of(complaint(reportId, feedback, originalMessageId, originalReturnPath));
            }
            return Optional.empty();
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static InboundReport deliveryStatus(String reportId, List<FieldBlock> blocks, String originalMessageId,
                                                String originalReturnPath) {
        FieldBlock perMessage = blocks.get(0);
        List<InboundReport.Recipient> recipients = new ArrayList<>();
        for (FieldBlock block : blocks.subList(1, blocks.size())) {
            String finalRecipient = block.get("Final-Recipient");
            if (finalRecipient == null) {
                continue;
            }
            String status = firstWord(block.get("Status"));
            BounceKind kind = BounceRules.kindOf(block.get("Action"), status);
            String diagnostic = block.get("Diagnostic-Code");
            recipients.add(new InboundReport.Recipient(BounceRules.plain(finalRecipient),
                    block.get("Original-Recipient") == null ? null : BounceRules.plain(block.get("Original-Recipient")),
                    kind, status, diagnostic == null ? "status " + status : withoutType(diagnostic)));
        }
        return new InboundReport(reportId, withoutType(perMessage.get("Reporting-MTA")), clean(originalMessageId),
                clean(originalReturnPath), recipients);
    }

    private static InboundReport complaint(String reportId, FieldBlock feedback, String originalMessageId,
                                           String originalReturnPath) {
        String type = feedback.get("Feedback-Type");
        String agent = feedback.get("User-Agent");
        String reason = "complaint (feedback type " + (type == null ? "unknown" : type.trim().toLowerCase(Locale.ROOT))
                + (agent == null ? "" : ", reported by " + agent) + ")";
        String recipient = feedback.get("Original-Rcpt-To");
        InboundReport.Recipient complained = new InboundReport.Recipient(
                recipient == null ? null : BounceRules.plain(recipient), null, BounceKind.COMPLAINT, null, reason);
        return new InboundReport(reportId, withoutType(feedback.get("Reporting-MTA")), clean(originalMessageId),
                clean(originalReturnPath), List.of(complained));
    }

    private static String reportId(MimeMessage message, byte[] raw) throws MessagingException {
        String id = message.getHeader("Message-ID", null);
        return id != null && !id.isBlank() ? id.trim() : "sha256:" + Sha256.hex(raw);
    }

    /** The part's field groups, split at empty lines (RFC 3464 §2.1), with folded lines unfolded. */
    private static List<FieldBlock> blocks(BodyPart part) throws MessagingException, IOException {
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<FieldBlock> blocks = new ArrayList<>();
        for (String block : text.replace("\r\n", "\n").split("\n[ \t]*\n")) {
            if (block.isBlank()) {
                continue;
            }
            String unfolded = block.strip().replaceAll("\n[ \t]+", " ");
            InternetHeaders fields = new InternetHeaders(
                    new ByteArrayInputStream((unfolded + "\n\n").getBytes(StandardCharsets.UTF_8)));
            blocks.add(new FieldBlock(fields));
        }
        return blocks;
    }

    /** {@code smtp; 550 5.1.1 ...} → {@code 550 5.1.1 ...}; {@code dns; mx.example} → {@code mx.example}. */
    private static String withoutType(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String value = semicolon >= 0 ? field.substring(semicolon + 1) : field;
        return value.replaceAll("\\s+", " ").trim();
    }

    private static String firstWord(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }

    private static String clean(String value) {
        return value == null ? null : value.replaceAll("\\s+", " ").trim();
    }

    private record FieldBlock(InternetHeaders fields) {

        String get(String name) {
            String value = fields.getHeader(name, ", ");
            return value == null || value.isBlank() ? null : value.trim();
        }
    }
}
