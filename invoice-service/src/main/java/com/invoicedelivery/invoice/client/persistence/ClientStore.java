package com.invoicedelivery.invoice.client.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.invoice.client.domain.Client;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/** The clients collection; every query names the tenant. */
public class ClientStore implements InitializingBean {

    public static final String COLLECTION = "clients";

    private final MongoTemplate mongo;

    public ClientStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("details.name", Sort.Direction.ASC).named("tenant_name"));
    }

    public void insert(Client client) {
        mongo.insert(client, COLLECTION);
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
