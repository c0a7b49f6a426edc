package com.invoicedelivery.invoice.send.application;

import java.util.Optional;

import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.LatestSend;
import com.invoicedelivery.invoice.send.domain.Progress;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the other services report about a send: each report once (by its event id), statuses only
 * forwards, and the invoice's send status kept in step. Reports about sends this service does not know (a send of a
 * lost database) are logged and skipped: retrying cannot make them known. A report that names a send of another
 * tenant than its own changes nothing and is refused as malformed (to the dead-letter topic, for operations to see):
 * no producer of the platform makes one, so it is forged or misrouted.
 */
public class SendProgressRecorder {

    /** Concurrent reports about one send are rare (one per topic at most); this many conflicts in a row are not. */
    static final int MAX_ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(SendProgressRecorder.class);

    private final SendStore sends;
    private final Invoices invoices;

    public SendProgressRecorder(SendStore sends, Invoices invoices) {
        this.sends = sends;
        this.invoices = invoices;
    }

    public void record(String tenantId, String sendId, Progress progress) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<Send> current = sends.find(tenantId, sendId);
            if (current.isEmpty()) {
                refuseIfAnotherTenants(sends, tenantId, sendId, progress.eventId());
                log.warn("event {} ({}) is about send {} of tenant {}, which is unknown here; skipped",
                        progress.eventId(), progress.step(), sendId, tenantId);
                return;
            }
            if (tryApply(current.get(), progress)) {
                return;
            }
        }
        // thrown for the binder to retry the record, and to dead-letter it if that fails too
        throw new IllegalStateException("send " + sendId + " changed concurrently " + MAX_ATTEMPTS
                + " times while event " + progress.eventId() + " was applied");
    }

    /**
     * Throws when the send exists but is another tenant's than the event says: the event's tenant does not own what
     * it would change.
     */
    static void refuseIfAnotherTenants(SendStore sends, String tenantId, String sendId, String eventId) {
        Optional<String> owner = sends.tenantOf(sendId);
        if (owner.isPresent() && !owner.get().equals(tenantId)) {
            throw new MalformedRecordException("event " + eventId + " names tenant " + tenantId + ", but send "
                    + sendId + " is another tenant's: nothing changed");
        }
    }

    /** True when the report is applied now or was before; false when the send changed since it was read. */
    private boolean tryApply(Send send, Progress progress) {
        Optional<Send.Change> change = send.apply(progress);
        if (change.isEmpty()) {
            log.warn("event {} ({}) names recipient {}, which send {} does not have; skipped", progress.eventId(),
                    progress.step(), progress.recipientId(), send.id());
            return true;
        }
        if (sends.saveProgress(send, change.get(), progress.eventId())) {
            showOnInvoice(change.get().send());
            return true;
        }
        if (sends.hasProcessed(send.tenantId(), send.id(), progress.eventId())) {
            log.debug("event {} about send {} was applied before; redelivery ignored", progress.eventId(), send.id());
            // the first delivery may have stopped before the invoice was updated
            showOnInvoice(send);
            return true;
        }
        return false;
    }

    private void showOnInvoice(Send send) {
        invoices.recordLatestSend(send.tenantId(), send.invoiceId(),
                new LatestSend(send.id(), send.requestedAt(), send.version(), send.status()));
    }
}
