package com.invoicedelivery.invoice.client.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.shared.persistence.IdBatch;
import com.invoicedelivery.invoice.shared.persistence.StoredForm;
import com.invoicedelivery.invoice.shared.persistence.UnorderedInserts;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** The clients collection; every query names the tenant. */
public class ClientStore implements InitializingBean {

    public static final String COLLECTION = "clients";
    private static final String UIC = "details.uic";

    private final MongoTemplate mongo;

    public ClientStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("details.name", Sort.Direction.ASC).named("tenant_name"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on(UIC, Sort.Direction.ASC).named("tenant_uic"));
        // the list has equality on the tenant only; the compound indexes' prefix would serve it too, this one is
        // kept as the list's own (docs/ARCHITECTURE.md, "Indexes")
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC).named("tenant"));
    }

    /** Stores a new client; false (nothing stored) when a client with its id exists. */
    public boolean insertIfAbsent(Client client) {
        try {
            mongo.insert(client, COLLECTION);
            return true;
        } catch (DuplicateKeyException idTaken) {
            return false;
        }
    }

    /** Stores the client over the tenant's client with its id (an import updated its description). */
    public void replace(Client client) {
        mongo.findAndReplace(query(where("_id").is(client.id()).and("tenantId").is(client.tenantId())), client,
                COLLECTION);
    }

    /**
     * Stores new clients (an import batch's) in one unordered insert; a client whose id exists is skipped.
     *
     * @return the ids of the clients stored now
     */
    public Set<String> insertAllIfAbsent(List<Client> clients) {
        return UnorderedInserts.insertIfAbsent(mongo, COLLECTION, clients.stream().map(Client::id).toList(),
                clients.stream().map(client -> StoredForm.of(mongo.getConverter(), client)).toList());
    }

    /** {@link #replace} for many clients (each id once) in one unordered bulk write: an import batch's updates. */
    public void replaceAll(List<Client> clients) {
        if (clients.isEmpty()) {
            return;
        }
        BulkOperations replaces = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Client.class, COLLECTION);
        clients.forEach(client -> replaces.replaceOne(
                query(where("_id").is(client.id()).and("tenantId").is(client.tenantId())), client));
        replaces.execute();
    }

    /**
     * The tenant's clients with any of these UICs, in one read (by the tenant_uic index): an import batch's clients
     * described by UIC.
     */
    public List<Client> findAllByUic(String tenantId, Collection<String> uics) {
        if (uics.isEmpty()) {
            return List.of();
        }
        // a UIC has one client, seldom more: the first batch holds them all (MongoDB's default stops at 101)
        Query byUic = query(where("tenantId").is(tenantId).and(UIC).in(uics)).with(Sort.by("createdAt"))
                .cursorBatchSize(uics.size() + 100);
        return mongo.find(byUic, Client.class, COLLECTION);
    }

    /**
     * Those of {@code clientIds} the tenant has: one read by the _id index alone (the tenant is checked here, as
     * every store serves {@code _id $in} by that index), another tenant's left out.
     */
    public List<Client> findAll(String tenantId, Collection<String> clientIds) {
        return mongo.find(IdBatch.of(clientIds), Client.class, COLLECTION).stream()
                .filter(client -> client.tenantId().equals(tenantId)).toList();
    }

    public Optional<Client> find(String tenantId, String clientId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(clientId).and("tenantId").is(tenantId)),
                Client.class, COLLECTION));
    }

    /** The tenant's clients by name. */
    public List<Client> list(String tenantId) {
        return mongo.find(query(where("tenantId").is(tenantId)).with(Sort.by("details.name")), Client.class, COLLECTION);
    }
}
