package com.invoicedelivery.invoice.client.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.client.persistence.ClientStore;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.kit.problem.NotFoundException;

/** A tenant's clients. Another tenant's client does not exist for the caller. */
public class Clients {

    private final ClientStore store;
    private final Clock clock;

    public Clients(ClientStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Client create(String tenantId, PartyDetails details, List<String> emails, Language language) {
        Client client = Client.create(UUID.randomUUID().toString(), tenantId, details, emails, language, now());
        store.insertIfAbsent(client);
        return client;
    }

    /**
     * A client described by an import row: the tenant's client with the same UIC when there is one, else a new
     * client stored under {@code clientId} (derived from the import row, so importing the row again finds it).
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     */
    public Client findOrCreateImported(String tenantId, String clientId, PartyDetails details, List<String> emails,
                                       Language language) {
        Client described = Client.create(clientId, tenantId, details, emails, language, now());
        String uic = described.details().uic();
        Optional<Client> sameUic = uic == null ? Optional.empty() : store.findOldestByUic(tenantId, uic);
        if (sameUic.isPresent()) {
            return sameUic.get();
        }
        return store.insertIfAbsent(described) ? described : get(tenantId, clientId);
    }

    /** @throws NotFoundException when the tenant has no such client */
    public Client get(String tenantId, String clientId) {
        return find(tenantId, clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    public Optional<Client> find(String tenantId, String clientId) {
        return store.find(tenantId, clientId);
    }

    /** Those of {@code clientIds} the tenant has, by id. */
    public Map<String, Client> findAll(String tenantId, Collection<String> clientIds) {
        return store.findAll(tenantId, clientIds).stream().collect(Collectors.toMap(Client::id, client -> client));
    }

    public List<Client> list(String tenantId) {
        return store.list(tenantId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
