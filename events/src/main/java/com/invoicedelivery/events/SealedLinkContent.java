package com.invoicedelivery.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@link Recipient#sealedLink()} holds once opened: the link, and whose it is, so a sealed link copied into
 * another tenant's, send's or recipient's record is refused rather than mailed to the wrong person.
 */
public record SealedLinkContent(String tenantId, String sendId, String recipientId, String linkUrl) {

    /** The sealed JSON object's fields. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tenantId", tenantId);
        fields.put("sendId", sendId);
        fields.put("recipientId", recipientId);
        fields.put("linkUrl", linkUrl);
        return fields;
    }

    public static SealedLinkContent of(Map<String, String> fields) {
        return new SealedLinkContent(fields.get("tenantId"), fields.get("sendId"), fields.get("recipientId"),
                fields.get("linkUrl"));
    }

    /** Whether the content names this tenant, send and recipient, and holds a link. */
    public boolean belongsTo(String tenantId, String sendId, String recipientId) {
        return this.tenantId != null && this.tenantId.equals(tenantId) && this.sendId != null
                && this.sendId.equals(sendId) && this.recipientId != null && this.recipientId.equals(recipientId)
                && linkUrl != null && !linkUrl.isBlank();
    }

    @Override
    public String toString() {
        return "SealedLinkContent[tenantId=" + tenantId + ", sendId=" + sendId + ", recipientId=" + recipientId + "]";
    }
}
