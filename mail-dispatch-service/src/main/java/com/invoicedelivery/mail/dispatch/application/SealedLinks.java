package com.invoicedelivery.mail.dispatch.application;

import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.seal.Opener;
import com.invoicedelivery.kit.seal.UnopenableSealException;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;

/**
 * The personal links invoice-service sealed to this service's key. A job keeps its link sealed until the e-mail is
 * composed, and opens it only then; the link is checked when the job is made, so a link this service cannot open
 * (sealed to another key, changed, or another recipient's) never becomes a job.
 */
public class SealedLinks {

    private final Opener opener;

    public SealedLinks(Opener opener) {
        this.opener = opener;
    }

    /**
     * The sealed link, checked: it opens with this service's key and names this tenant, send and recipient.
     *
     * @throws InvalidSealedLinkException with the reason (never the link)
     */
    public String checked(String tenantId, String sendId, String recipientId, String sealedLink) {
        open(tenantId, sendId, recipientId, sealedLink);
        return sealedLink;
    }

    /**
     * A link that arrived in clear (a record of schema version 1, written before the upgrade) sealed to this
     * service's own key, so a job never keeps a link in clear.
     */
    public String sealClear(String tenantId, String sendId, String recipientId, String linkUrl) {
        if (linkUrl == null || linkUrl.isBlank()) {
            throw new InvalidSealedLinkException("recipient " + recipientId + " has no personal link");
        }
        return opener.sealer().seal(new SealedLinkContent(tenantId, sendId, recipientId, linkUrl).fields());
    }

    /** The job's link in clear, for composing its e-mail now. */
    public String open(DispatchJob job) {
        return open(job.tenantId(), job.sendId(), job.recipientId(), job.letter().sealedLink());
    }

    private String open(String tenantId, String sendId, String recipientId, String sealedLink) {
        if (sealedLink == null || sealedLink.isBlank()) {
            throw new InvalidSealedLinkException("recipient " + recipientId + " has no sealed personal link");
        }
        SealedLinkContent content;
        try {
            content = SealedLinkContent.of(opener.open(sealedLink));
        } catch (UnopenableSealException e) {
            throw new InvalidSealedLinkException("the personal link of recipient " + recipientId
                    + " cannot be opened: " + e.getMessage());
        }
        if (!content.belongsTo(tenantId, sendId, recipientId)) {
            throw new InvalidSealedLinkException("the personal link of recipient " + recipientId
                    + " was sealed for another tenant, send or recipient");
        }
        return content.linkUrl();
    }

    /** A sealed link that cannot serve its recipient; no retry mends it. */
    public static class InvalidSealedLinkException extends RuntimeException {

        public InvalidSealedLinkException(String message) {
            super(message);
        }
    }
}
