package com.invoicedelivery.mail.notification.persistence;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.mail.notification.domain.NotificationSettings;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Tenants' notification settings: one document per tenant that changed them (its id is the tenant's), found by id. */
public class NotificationSettingsStore {

    public static final String COLLECTION = "notification_settings";

    private final MongoTemplate mongo;

    public NotificationSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The tenant's settings; empty when it never changed the defaults. */
    public Optional<NotificationSettings> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Document.class, COLLECTION))
                .map(NotificationSettingsStore::read);
    }

    /** Stores the tenant's settings, replacing what was there. */
    public void save(NotificationSettings settings) {
        mongo.save(new Document("_id", settings.tenantId())
                .append("addresses", settings.addresses())
                .append("language", settings.language().name())
                .append("onAccept", settings.onAccept())
                .append("onReturn", settings.onReturn())
                .append("updatedAt", java.util.Date.from(settings.updatedAt())), COLLECTION);
    }

    private static NotificationSettings read(Document document) {
        java.util.Date updated = document.getDate("updatedAt");
        return new NotificationSettings(document.getString("_id"), document.getList("addresses", String.class, List.of()),
                Language.valueOf(document.getString("language")), document.getBoolean("onAccept", true),
                document.getBoolean("onReturn", true), updated == null ? null : updated.toInstant());
    }
}
