package com.invoicedelivery.tracking.logo.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.Optional;

import com.invoicedelivery.tracking.logo.domain.LogoImage;
import com.invoicedelivery.tracking.logo.domain.TenantLogo;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/** Tenants' logos: one document per tenant (its id is the tenant's), found by id only. */
public class LogoStore {

    public static final String COLLECTION = "tenant_logos";

    private final MongoTemplate mongo;

    public LogoStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(TenantLogo logo) {
        mongo.save(new Document("_id", logo.tenantId())
                .append("image", logo.image().name())
                .append("content", new Binary(logo.content()))
                .append("sha256", logo.sha256())
                .append("width", logo.width())
                .append("height", logo.height())
                .append("updatedAt", Date.from(logo.updatedAt())), COLLECTION);
    }

    public Optional<TenantLogo> find(String tenantId) {
        Document stored = mongo.findById(tenantId, Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new TenantLogo(tenantId, LogoImage.valueOf(stored.getString("image")),
                stored.get("content", Binary.class).getData(), stored.getString("sha256"), stored.getInteger("width"),
                stored.getInteger("height"), stored.getDate("updatedAt").toInstant()));
    }

    public Optional<String> version(String tenantId) {
        Query byId = query(where("_id").is(tenantId));
        byId.fields().include("sha256");
        return Optional.ofNullable(mongo.findOne(byId, Document.class, COLLECTION))
                .map(stored -> stored.getString("sha256"));
    }

    public boolean delete(String tenantId) {
        return mongo.remove(query(where("_id").is(tenantId)), COLLECTION).getDeletedCount() > 0;
    }
}
