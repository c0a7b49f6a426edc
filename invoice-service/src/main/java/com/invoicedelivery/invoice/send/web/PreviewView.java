package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.SendPreviewItem;
import com.invoicedelivery.invoice.shared.web.RequestProblemHandler;
import com.invoicedelivery.kit.problem.FieldViolation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The send preview: one item per invoice asked, in the order asked. */
record PreviewView(
        @Schema(description = "One item per invoice asked, in the order asked.") List<Item> items) {

    /**
     * One invoice's e-mail as it would go out. For an unknown invoice only {@code invoiceId}, {@code sendable} and
     * {@code problems} are set.
     */
    // named apart from the bulk send request's Item: one schema name, two meanings, would document the wrong one
    @Schema(name = "PreviewItem")
    record Item(
            @Schema(description = "The invoice asked about.", example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60")
            String invoiceId,
            @Schema(description = "The invoice's number; null for an unknown invoice.", example = "0000000042")
            String invoiceNumber,
            @Schema(description = "The invoice's client; null for an unknown invoice.",
                    example = "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11") String clientId,
            @Schema(description = "The client's name; null for an unknown invoice.", example = "Бета ЕООД")
            String clientName,
            @ArraySchema(arraySchema = @Schema(description = "The addresses the e-mail would go to.",
                    example = "[\"accounting@client.example\"]"),
                    schema = @Schema(example = "accounting@client.example"))
            List<String> recipients,
            @Schema(description = "The e-mail's subject, placeholders filled in.", example = "Фактура 0000000042")
            String subject,
            @Schema(description = "The e-mail's text, placeholders filled in; in link mode the marker of each"
                    + " recipient's link is kept.",
                    example = "Здравейте, Уеб Студио ООД! Фактурата е тук: {link}")
            String message,
            @Schema(description = "The e-mail's language.", example = "BG") Language language,
            @Schema(description = "How the invoice would go: LINK or ATTACHMENT.", example = "LINK")
            DeliveryMode mode,
            @Schema(description = "Whether the invoice can be sent as it is.", example = "true") boolean sendable,
            @Schema(description = "Why it cannot be sent, per field; empty when it can.")
            List<FieldViolation> problems,
            @Schema(description = "Recipients on the tenant's suppression list: a bulk send skips them unless"
                    + " confirmSuppressed is true.") List<Suppressed> suppressed) {

        static Item of(SendPreviewItem item) {
            InvoiceEmail email = item.email();
            return new Item(item.invoiceId(),
                    item.invoice() == null ? null : item.invoice().number(),
                    item.invoice() == null ? null : item.invoice().clientId(),
                    item.client() == null ? null : item.client().details().name(),
                    email == null ? List.of() : email.recipients(),
                    email == null ? null : email.subject(),
                    email == null ? null : email.message(),
                    email == null ? null : email.language(),
                    email == null ? null : email.mode(),
                    item.sendable(), RequestProblemHandler.fieldViolations(item.problems()),
                    item.suppressed().stream().map(Suppressed::of).toList());
        }
    }

    /**
     * A recipient on the tenant's suppression list: a bulk send skips it unless the invoice's
     * {@code confirmSuppressed} is true. {@code note}: "bounced on 2026-12-06: 550 5.1.1 …".
     */
    record Suppressed(
            @Schema(description = "The suppressed address.", example = "gone@client.example") String email,
            @Schema(description = "HARD (the address bounced) or COMPLAINT (the recipient complained).",
                    example = "HARD") String kind,
            @Schema(description = "When the report was read (ISO 8601 instant).",
                    example = "2026-12-06T14:20:00Z") java.time.Instant since,
            @Schema(description = "The remote server's words, or the complaint's feedback type.",
                    example = "550 5.1.1 user unknown") String reason,
            @Schema(description = "The suppression for a person to read.",
                    example = "bounced on 2026-12-06: 550 5.1.1 user unknown") String note) {

        static Suppressed of(com.invoicedelivery.invoice.suppression.domain.SuppressedAddress address) {
            return new Suppressed(address.email(), address.kind(), address.since(), address.reason(), address.note());
        }
    }

    static PreviewView of(List<SendPreviewItem> items) {
        return new PreviewView(items.stream().map(Item::of).toList());
    }
}
