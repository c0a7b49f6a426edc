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

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportRowResult.ClientUse;
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
     * The clients of one import batch, to resolve row after row ({@link ImportedClients#resolve}), in a constant
     * number of store round trips: this reads the tenant's clients among {@code clientIds} (named by rows, or
     * derived from them) and those with any of {@code uics}.
     */
    public ImportedClients importing(String tenantId, Collection<String> clientIds, Collection<String> uics,
                                     ClientPolicy policy) {
        return new ImportedClients(store, tenantId, clientIds, uics, policy, now());
    }

    /** The client an import row uses, how it came by it and, when UPDATED or in CONFLICT, the fields concerned. */
    public record ImportedClientUse(Client client, ClientUse.Resolution resolution, List<String> fields) {

        public ClientUse asResult() {
            return new ClientUse(client.id(), resolution, fields);
        }
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
