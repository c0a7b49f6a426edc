package com.invoicedelivery.invoice.client.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
        Client client = Client.create(UUID.randomUUID().toString(), tenantId, details, emails, language,
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        store.insert(client);
        return client;
    }

    /** @throws NotFoundException when the tenant has no such client */
    public Client get(String tenantId, String clientId) {
        return find(tenantId, clientId).orElseThrow(() -> new NotFoundException("Client", clientId));
    }

    public Optional<Client> find(String tenantId, String clientId) {
        return store.find(tenantId, clientId);
    }

    public List<Client> list(String tenantId) {
        return store.list(tenantId);
    }
}
