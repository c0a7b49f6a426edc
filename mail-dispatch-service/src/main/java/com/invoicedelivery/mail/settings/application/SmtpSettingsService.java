package com.invoicedelivery.mail.settings.application;

import java.time.Clock;
import java.util.Optional;

import com.invoicedelivery.kit.problem.ConflictException;
import com.invoicedelivery.mail.settings.domain.SealedSecret;
import com.invoicedelivery.mail.settings.domain.SecretKeys;
import com.invoicedelivery.mail.settings.domain.SmtpSettings;
import com.invoicedelivery.mail.settings.domain.SmtpSettingsChange;
import com.invoicedelivery.mail.settings.persistence.SmtpSettingsStore;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant's own SMTP server: stored with the password encrypted, tested on request, and handed to the dispatch
 * queue with the password decrypted at send time only. A password encrypted under an older key is encrypted again
 * under the current one whenever it is read.
 */
public class SmtpSettingsService {

    private static final Logger log = LoggerFactory.getLogger(SmtpSettingsService.class);

    private final SmtpSettingsStore store;
    private final SecretKeys keys;
    private final SmtpProbe probe;
    private final ConnectionTestLimit testLimit;
    private final Clock clock;

    public SmtpSettingsService(SmtpSettingsStore store, SecretKeys keys, SmtpProbe probe,
                               ConnectionTestLimit testLimit, Clock clock) {
        this.store = store;
        this.keys = keys;
        this.probe = probe;
        this.testLimit = testLimit;
        this.clock = clock;
    }

    public Optional<SmtpSettings> find(String tenantId) {
        return store.find(tenantId);
    }

    /**
     * Stores the tenant's server, replacing the settings there were; a password left out keeps the stored one.
     *
     * @throws com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException when a field is wrong (nothing is stored)
     * @throws com.invoicedelivery.mail.settings.domain.SecretsUnavailableException when a password is given but no
     *         encryption key is configured (nothing is stored)
     */
    public SmtpSettings save(String tenantId, SmtpSettingsChange change) {
        Optional<SmtpSettings> stored = store.find(tenantId);
        change.validate(stored.map(SmtpSettings::passwordSet).orElse(false));
        SmtpSettings settings = new SmtpSettings(tenantId, change.hostName(), change.port(), change.securityValue(),
                change.user(), password(tenantId, change, stored), change.from(), clock.instant());
        store.save(settings);
        log.info("tenant {}: SMTP server set to {}:{} ({}, {}), from {}", tenantId, settings.host(), settings.port(),
                settings.security(), settings.username() == null ? "no login" : "login " + settings.username(),
                settings.fromAddress());
        return settings;
    }

    /** Back to the platform's server. */
    public void delete(String tenantId) {
        if (store.delete(tenantId)) {
            log.info("tenant {}: own SMTP server removed; mail goes through the platform's server", tenantId);
        }
    }

    /**
     * Tries a server: the settings given, or the stored ones when {@code candidate} is null or empty. A candidate
     * without a password uses the stored one.
     *
     * @throws ConflictException when there is nothing to test
     * @throws ConnectionTestsLimitedException when the tenant has tested as often as it may this minute
     */
    public ProbeResult test(String tenantId, SmtpSettingsChange candidate) {
        testLimit.acquire(tenantId);
        Optional<SmtpSettings> stored = store.find(tenantId);
        SmtpServer server;
        if (candidate == null || candidate.namesNothing()) {
            server = server(stored.orElseThrow(() -> new ConflictException("no SMTP server is stored for this"
                    + " tenant; send the settings to test in the request")));
        } else {
            candidate.validate(stored.map(SmtpSettings::passwordSet).orElse(false));
            String password = candidate.password() != null ? candidate.password()
                    : stored.filter(SmtpSettings::passwordSet).map(this::password).orElse(null);
            server = new SmtpServer(SmtpServer.ofTenant(tenantId), candidate.hostName(), candidate.port(),
                    candidate.securityValue(), candidate.user(), candidate.user() == null ? null : password,
                    candidate.from());
        }
        ProbeResult result = probe.probe(server);
        log.info("tenant {}: connection test of {}: {} at {} ({} ms)", tenantId, server.address(),
                result.ok() ? "passed" : "failed", result.stage(), result.duration().toMillis());
        return result;
    }

    /**
     * The tenant's server with its password decrypted, for one message; empty when the tenant has none.
     *
     * @throws com.invoicedelivery.mail.settings.domain.SecretsUnavailableException when the password does not
     *         decrypt with the keys configured
     */
    public Optional<SmtpServer> serverOf(String tenantId) {
        return store.find(tenantId).map(this::server);
    }

    /** Encrypts again, under the current key, every password still under an older one. */
    public int resealAll() {
        if (!keys.canSeal()) {
            return 0;
        }
        int resealed = 0;
        for (SmtpSettings settings : store.withPasswordNotUnder(keys.currentKeyId())) {
            password(settings);
            resealed++;
        }
        return resealed;
    }

    private SmtpServer server(SmtpSettings settings) {
        return new SmtpServer(SmtpServer.ofTenant(settings.tenantId()), settings.host(), settings.port(),
                settings.security(), settings.username(), settings.passwordSet() ? password(settings) : null,
                settings.fromAddress());
    }

    /** Decrypts the stored password, and encrypts it again under the current key when an older one was used. */
    private String password(SmtpSettings settings) {
        String context = SmtpSettings.passwordContext(settings.tenantId());
        SealedSecret sealed = settings.password();
        String password = keys.open(sealed, context);
        if (!keys.isCurrent(sealed) && keys.canSeal()) {
            if (store.replacePassword(settings.tenantId(), sealed, keys.seal(password, context))) {
                log.info("tenant {}: SMTP password encrypted again, from key {} to the current key", settings.tenantId(),
                        sealed.keyId());
            }
        }
        return password;
    }

    private SealedSecret password(String tenantId, SmtpSettingsChange change, Optional<SmtpSettings> stored) {
        if (change.user() == null) {
            return null;
        }
        if (change.password() != null) {
            return keys.seal(change.password(), SmtpSettings.passwordContext(tenantId));
        }
        return stored.map(SmtpSettings::password).orElseThrow();
    }
}
