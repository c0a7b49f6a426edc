package com.invoicedelivery.mail.settings.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.mail.settings.domain.SealedSecret;
import com.invoicedelivery.mail.settings.domain.SmtpSettings;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Tenants' own SMTP servers: one document per tenant (its id is the tenant's), the password as
 * {@code {keyId, iv, ciphertext}} only.
 */
public class SmtpSettingsStore implements InitializingBean {

    public static final String COLLECTION = "smtp_settings";

    private static final String PASSWORD = "password";
    private static final String KEY_ID = "keyId";
    private static final String IV = "iv";
    private static final String CIPHERTEXT = "ciphertext";

    private final MongoTemplate mongo;

    public SmtpSettingsStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // the key rotation at start-up finds the settings whose password is sealed under an older key
        mongo.indexOps(COLLECTION).createIndex(new Index().on(PASSWORD + "." + KEY_ID, Sort.Direction.ASC).sparse()
                .named("password_key"));
    }

    public Optional<SmtpSettings> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Document.class, COLLECTION)).map(SmtpSettingsStore::read);
    }

    /** Stores the tenant's settings, replacing what was there. */
    public void save(SmtpSettings settings) {
        mongo.save(write(settings), COLLECTION);
    }

    /** @return false when the tenant had no settings */
    public boolean delete(String tenantId) {
        return mongo.remove(query(where("_id").is(tenantId)), COLLECTION).getDeletedCount() > 0;
    }

    /**
     * Replaces the encrypted password, provided it is still the one read (same IV: no other change came between).
     *
     * @return false when the settings changed meanwhile (nothing was written)
     */
    public boolean replacePassword(String tenantId, SealedSecret expected, SealedSecret replacement) {
        return mongo.updateFirst(query(where("_id").is(tenantId).and(PASSWORD + "." + IV).is(new Binary(expected.iv()))),
                new Update().set(PASSWORD, write(replacement)), COLLECTION).getModifiedCount() == 1;
    }

    /** Settings whose password is encrypted under another key than {@code keyId}. */
    public List<SmtpSettings> withPasswordNotUnder(String keyId) {
        return mongo.find(query(where(PASSWORD + "." + KEY_ID).exists(true).ne(keyId)), Document.class, COLLECTION)
                .stream().map(SmtpSettingsStore::read).toList();
    }

    private static Document write(SmtpSettings settings) {
        return new Document("_id", settings.tenantId())
                .append("host", settings.host())
                .append("port", settings.port())
                .append("security", settings.security().name())
                .append("username", settings.username())
                .append(PASSWORD, settings.password() == null ? null : write(settings.password()))
                .append("fromAddress", settings.fromAddress())
                .append("updatedAt", Date.from(settings.updatedAt()));
    }

    private static Document write(SealedSecret secret) {
        return new Document(KEY_ID, secret.keyId()).append(IV, new Binary(secret.iv()))
                .append(CIPHERTEXT, new Binary(secret.ciphertext()));
    }

    private static SmtpSettings read(Document document) {
        Document password = document.get(PASSWORD, Document.class);
        return new SmtpSettings(document.getString("_id"), document.getString("host"), document.getInteger("port"),
                SmtpSecurity.valueOf(document.getString("security")), document.getString("username"),
                password == null ? null : new SealedSecret(password.getString(KEY_ID),
                        password.get(IV, Binary.class).getData(), password.get(CIPHERTEXT, Binary.class).getData()),
                document.getString("fromAddress"), document.getDate("updatedAt").toInstant());
    }
}
