package com.invoicedelivery.mail.dispatch.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.seal.Opener;
import com.invoicedelivery.kit.seal.Sealer;
import com.invoicedelivery.kit.seal.UnopenableSealException;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;

/**
 * The personal links invoice-service sealed to this service's key. A job keeps its link sealed until the e-mail is
 * composed, and opens it only then; the link is checked when the job is made, so a link this service cannot open
 * (sealed to another key, changed, or another recipient's) never becomes a job.
 */
public class SealedLinks {

    /**
     * Links opened when their jobs were made, kept (in this process's memory only, never stored) until the jobs'
     * e-mails are composed, most often moments later: opening costs an RSA decryption, which was half of this
     * service's CPU in link mode when each link was opened twice. Bounded; a link that fell out is opened again.
     */
    static final int OPENED_KEPT = 2_000;

    private final Function<String, Map<String, String>> opener;
    private final Sealer sealer;
    private final Map<String, String> opened;

    public SealedLinks(Opener opener) {
        this(opener::open, opener.sealer(), OPENED_KEPT);
    }

    /**
     * @param opener what opens a sealed value ({@link Opener#open}); {@code sealer} seals to the same key
     * @param kept   how many opened links are kept at most
     */
    SealedLinks(Function<String, Map<String, String>> opener, Sealer sealer, int kept) {
        this.opener = opener;
        this.sealer = sealer;
        this.opened = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > kept;
            }
        };
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
        return sealer.seal(new SealedLinkContent(tenantId, sendId, recipientId, linkUrl).fields());
    }

    /** The job's link in clear, for composing its e-mail now. */
    public String open(DispatchJob job) {
        return open(job.tenantId(), job.sendId(), job.recipientId(), job.letter().sealedLink());
    }

    private String open(String tenantId, String sendId, String recipientId, String sealedLink) {
        if (sealedLink == null || sealedLink.isBlank()) {
            throw new InvalidSealedLinkException("recipient " + recipientId + " has no sealed personal link");
        }
        // kept by the exact sealed value and the job it was checked for: another job's value opens anew
        String key = tenantId + "\n" + sendId + "\n" + recipientId + "\n" + sealedLink;
        synchronized (opened) {
            String linkUrl = opened.get(key);
            if (linkUrl != null) {
                return linkUrl;
            }
        }
        String linkUrl = opened(tenantId, sendId, recipientId, sealedLink);
        synchronized (opened) {
            opened.put(key, linkUrl);
        }
        return linkUrl;
    }

    private String opened(String tenantId, String sendId, String recipientId, String sealedLink) {
        SealedLinkContent content;
        try {
            content = SealedLinkContent.of(opener.apply(sealedLink));
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
