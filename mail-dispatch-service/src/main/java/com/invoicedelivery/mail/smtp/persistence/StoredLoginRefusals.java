package com.invoicedelivery.mail.smtp.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.invoicedelivery.mail.smtp.application.LoginRefusals;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Refused logins in the store, one document per server reference (the latest refusal):
 * {@code {_id: "tenant:acme", settings, at, pausedUntil, replyCode, reply, problem}}. Read and written by
 * {@code _id} only. {@code settings} tells which settings were refused without keeping the password in a readable
 * or cheaply guessable form: PBKDF2 of host, port, security, user name and password, salted with the reference
 * (the stored passwords themselves are encrypted under a key the store does not hold; a plain hash here would
 * let anyone with the store try password guesses fast). A fingerprint is computed only when the server has a
 * refusal on file, and kept in memory per settings.
 */
public class StoredLoginRefusals implements LoginRefusals {

    public static final String COLLECTION = "smtp_login_refusals";

    private static final int ITERATIONS = 50_000;
    private static final int MAX_REMEMBERED_FINGERPRINTS = 1_000;

    private final MongoTemplate mongo;
    private final Map<SmtpServer, String> fingerprints = new ConcurrentHashMap<>();

    public StoredLoginRefusals(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<Refusal> current(SmtpServer server, Instant now) {
        Document refusal = mongo.findOne(query(where("_id").is(server.reference()).and("pausedUntil")
                .gt(Date.from(now))), Document.class, COLLECTION);
        if (refusal == null || !fingerprint(server).equals(refusal.getString("settings"))) {
            return Optional.empty();
        }
        SmtpOutcome outcome = new SmtpOutcome(refusal.getInteger("replyCode", 0), refusal.getString("reply"),
                refusal.getString("problem"));
        return Optional.of(new Refusal(outcome, refusal.getDate("at").toInstant(),
                refusal.getDate("pausedUntil").toInstant()));
    }

    @Override
    public void remember(SmtpServer server, Refusal refusal) {
        SmtpOutcome outcome = refusal.outcome();
        mongo.upsert(query(where("_id").is(server.reference())), new Update().set("settings", fingerprint(server))
                .set("at", Date.from(refusal.at())).set("pausedUntil", Date.from(refusal.until()))
                .set("replyCode", outcome.replyCode()).set("reply", outcome.reply())
                .set("problem", outcome.problem()), COLLECTION);
    }

    private String fingerprint(SmtpServer server) {
        if (fingerprints.size() > MAX_REMEMBERED_FINGERPRINTS) {
            fingerprints.clear();
        }
        return fingerprints.computeIfAbsent(server, StoredLoginRefusals::pbkdf2);
    }

    private static String pbkdf2(SmtpServer server) {
        String settings = String.join("\n", server.host(), String.valueOf(server.port()), server.security().name(),
                String.valueOf(server.username()), String.valueOf(server.password()));
        PBEKeySpec spec = new PBEKeySpec(settings.toCharArray(), server.reference().getBytes(StandardCharsets.UTF_8),
                ITERATIONS, 256);
        try {
            return HexFormat.of().formatHex(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(spec).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
