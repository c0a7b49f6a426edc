package com.invoicedelivery.invoice.template.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The templates tenants wrote, one document per tenant and language (the defaults are not stored). Saving replaces
 * the document whole, so the last edit wins.
 */
public class TemplateStore implements InitializingBean {

    public static final String COLLECTION = "templates";

    /** The stored form: the id names the tenant and the language, so each has at most one. */
    record StoredTemplate(String id, String tenantId, Language language, String subject, String message,
                          Instant updatedAt) {
    }

    private final MongoTemplate mongo;

    public TemplateStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("tenantId", Sort.Direction.ASC).named("tenant"));
    }

    public List<TenantTemplate> findAll(String tenantId) {
        return mongo.find(query(where("tenantId").is(tenantId)), StoredTemplate.class, COLLECTION).stream()
                .map(stored -> new TenantTemplate(stored.language(),
                        new MessageTemplate(stored.subject(), stored.message()), true))
                .toList();
    }

    public void save(String tenantId, Language language, MessageTemplate template, Instant at) {
        mongo.save(new StoredTemplate(id(tenantId, language), tenantId, language, template.subject(),
                template.message(), at), COLLECTION);
    }

    /** Removes the tenant's own template; false when it had none. */
    public boolean delete(String tenantId, Language language) {
        return mongo.remove(query(where("_id").is(id(tenantId, language)).and("tenantId").is(tenantId)), COLLECTION)
                .getDeletedCount() == 1;
    }

    private static String id(String tenantId, Language language) {
        return tenantId + "/" + language.name();
    }
}
