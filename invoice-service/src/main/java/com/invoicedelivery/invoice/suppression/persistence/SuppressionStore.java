package com.invoicedelivery.invoice.suppression.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The suppression list: one document per tenant and address, {@code _id} = {@code <tenant>:<address>}, so a batch's
 * addresses are read in one {@code _id $in} and another tenant's entry is never found.
 */
public class SuppressionStore implements InitializingBean {

    public static final String COLLECTION = "suppressions";

    private final MongoTemplate mongo;

    public SuppressionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("since", Sort.Direction.DESC).named("tenant_since"));
    }

    /** Adds the address, or replaces its entry with the latest report. */
    public void put(SuppressedAddress address) {
        Update update = new Update().set("tenantId", address.tenantId()).set("email", address.email())
                .set("kind", address.kind()).set("reason", address.reason()).set("since", Date.from(address.since()))
                .set("sendId", address.sendId());
        mongo.upsert(query(where("_id").is(id(address.tenantId(), address.email()))), update, COLLECTION);
    }

    /** The tenant's entries among {@code emails} (normalized), by address. */
    public Map<String, SuppressedAddress> findAll(String tenantId, Collection<String> emails) {
        if (emails.isEmpty()) {
            return Map.of();
        }
        List<String> ids = emails.stream().map(email -> id(tenantId, email)).distinct().toList();
        return mongo.find(query(where("_id").in(ids)), Document.class, COLLECTION).stream()
                .map(SuppressionStore::read)
                .filter(address -> address.tenantId().equals(tenantId))
                .collect(Collectors.toMap(SuppressedAddress::email, Function.identity()));
    }

    /** The tenant's entries, newest first. */
    public List<SuppressedAddress> list(String tenantId, int limit) {
        Query newest = query(where("tenantId").is(tenantId)).with(Sort.by(Sort.Direction.DESC, "since")).limit(limit);
        return mongo.find(newest, Document.class, COLLECTION).stream().map(SuppressionStore::read).toList();
    }

    /** @return false when the tenant has no entry for the address */
    public boolean delete(String tenantId, String email) {
        return mongo.remove(query(where("_id").is(id(tenantId, email)).and("tenantId").is(tenantId)), COLLECTION)
                .getDeletedCount() == 1;
    }

    private static String id(String tenantId, String email) {
        return tenantId + ":" + email;
    }

    private static SuppressedAddress read(Document document) {
        Date since = document.getDate("since");
        return new SuppressedAddress(document.getString("tenantId"), document.getString("email"),
                document.getString("kind"), document.getString("reason"), since == null ? null : since.toInstant(),
                document.getString("sendId"));
    }
}
