package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.SendPreviewItem;
import com.invoicedelivery.invoice.shared.web.RequestProblemHandler;
import com.invoicedelivery.kit.problem.FieldViolation;

/** The send preview: one item per invoice asked, in the order asked. */
record PreviewView(List<Item> items) {

    /**
     * One invoice's e-mail as it would go out. For an unknown invoice only {@code invoiceId}, {@code sendable} and
     * {@code problems} are set.
     */
    record Item(String invoiceId, String invoiceNumber, String clientId, String clientName, List<String> recipients,
                String subject, String message, Language language, DeliveryMode mode, boolean sendable,
                List<FieldViolation> problems, List<Suppressed> suppressed) {

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
    record Suppressed(String email, String kind, java.time.Instant since, String reason, String note) {

        static Suppressed of(com.invoicedelivery.invoice.suppression.domain.SuppressedAddress address) {
            return new Suppressed(address.email(), address.kind(), address.since(), address.reason(), address.note());
        }
    }

    static PreviewView of(List<SendPreviewItem> items) {
        return new PreviewView(items.stream().map(Item::of).toList());
    }
}
