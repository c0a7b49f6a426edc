package com.invoicedelivery.mail.emaillog.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmailSource;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The e-mail log: one document per e-mail sent, its listed fields beside its exact MIME source. */
public class EmailStore implements InitializingBean {

    public static final String COLLECTION = "emails";

    private static final String SOURCE = "source";
    private static final String TYPE_HINT = "_class";

    private final MongoTemplate mongo;

    public EmailStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("clientId", Sort.Direction.ASC).on("sentAt", Sort.Direction.DESC).named("client"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("sendId", Sort.Direction.ASC).named("send"));
    }

    /** Stores the e-mail, replacing an earlier entry of the same job (the resend after an interrupted attempt). */
    public void save(LoggedEmail email, byte[] source) {
        Document document = new Document();
        mongo.getConverter().write(email, document);
        document.remove(TYPE_HINT);
        document.put(SOURCE, new Binary(source));
        mongo.save(document, COLLECTION);
    }

    /** The tenant's e-mails, newest first, without their sources. */
    public List<LoggedEmail> list(String tenantId, String clientId, String sendId, int offset, int limit) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (clientId != null) {
            criteria = criteria.and("clientId").is(clientId);
        }
        if (sendId != null) {
            criteria = criteria.and("sendId").is(sendId);
        }
        Query page = query(criteria).with(Sort.by(Sort.Direction.DESC, "sentAt", "_id")).skip(offset).limit(limit);
        page.fields().exclude(SOURCE);
        return mongo.find(page, LoggedEmail.class, COLLECTION);
    }

    /** The tenant's e-mail with its source; empty when there is none, or it is another tenant's. */
    public Optional<LoggedEmailSource> find(String tenantId, String id) {
        Document document = mongo.findOne(query(where("_id").is(id).and("tenantId").is(tenantId)), Document.class,
                COLLECTION);
        if (document == null) {
            return Optional.empty();
        }
        LoggedEmail email = mongo.getConverter().read(LoggedEmail.class, document);
        return Optional.of(new LoggedEmailSource(email, document.get(SOURCE, Binary.class).getData()));
    }
}
