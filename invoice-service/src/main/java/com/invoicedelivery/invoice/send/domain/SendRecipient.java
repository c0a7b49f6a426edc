package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * One address of a send and how far the invoice got with it.
 *
 * @param tokenHash     the SHA-256 of the recipient's personal link token; null in attachment mode
 * @param messageId     the e-mail's Message-ID once mail-dispatch has fixed it
 * @param failureReason why delivery failed or is being retried; null otherwise
 * @param returnReason  why the client returned the invoice
 * @param downloads     when the client downloaded the PDF, in the order reported
 */
public record SendRecipient(String recipientId, String email, String tokenHash, SendStatus status, String messageId,
                            String failureReason, String returnReason, List<Instant> downloads) {

    public SendRecipient {
        downloads = downloads == null ? List.of() : List.copyOf(downloads);
    }

    public static SendRecipient requested(String recipientId, String email, String tokenHash) {
        return new SendRecipient(recipientId, email, tokenHash, SendStatus.REQUESTED, null, null, null, List.of());
    }

    /**
     * The recipient after {@code progress}: the status only moves forwards; a failure reason belongs to the status
     * it came with, so it changes when the reported status is taken and stays when it is not.
     */
    public SendRecipient after(Progress progress) {
        boolean taken = progress.status() != null && status.advancedBy(progress.status()) == progress.status();
        return new SendRecipient(recipientId, email, tokenHash,
                taken ? progress.status() : status,
                progress.messageId() != null ? progress.messageId() : messageId,
                taken ? progress.failureReason() : failureReason,
                progress.returnReason() != null ? progress.returnReason() : returnReason,
                progress.download() ? appended(downloads, progress.at()) : downloads);
    }

    private static List<Instant> appended(List<Instant> times, Instant time) {
        List<Instant> longer = new ArrayList<>(times);
        longer.add(time);
        return longer;
    }
}
