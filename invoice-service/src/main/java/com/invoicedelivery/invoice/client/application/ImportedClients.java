package com.invoicedelivery.invoice.client.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportRowResult.ClientUse;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.client.persistence.ClientStore;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;

/**
 * The clients of one import batch, resolved row after row as the rows come, over what the store held when the batch
 * began (read at once: the clients the batch names or may have made before, and those with its UICs) plus what the batch's earlier rows made or changed. {@link #store} then writes
 * the clients made (one insert) and changed (one bulk write), each in the state the batch's last row left it: a
 * batch costs the same few round trips however many rows it has.
 */
public final class ImportedClients {

    private final ClientStore store;
    private final String tenantId;
    private final ClientPolicy policy;
    private final Instant now;
    /** Every client the batch knows, by id, in its current state; in the store's order of creation. */
    private final Map<String, Client> known = new LinkedHashMap<>();
    private final Map<String, Client> made = new LinkedHashMap<>();
    private final Map<String, Client> changed = new LinkedHashMap<>();

    ImportedClients(ClientStore store, String tenantId, Collection<String> clientIds, Collection<String> uics,
                    ClientPolicy policy, Instant now) {
        this.store = store;
        this.tenantId = tenantId;
        this.policy = policy;
        this.now = now;
        store.findAllByUic(tenantId, uics).forEach(client -> known.put(client.id(), client));
        if (!clientIds.isEmpty()) {
            store.findAll(tenantId, clientIds).forEach(client -> known.putIfAbsent(client.id(), client));
        }
    }

    /** A client of the tenant the row names by id (stored, or made by an earlier row of the batch). */
    public Optional<Client> named(String clientId) {
        return Optional.ofNullable(known.get(clientId));
    }

    /**
     * The client an import row describes, and how the import came by it: the tenant's client with the same UIC when
     * there is one (the oldest; MATCHED when described alike; else UPDATED to the row's description, or CONFLICT,
     * left as it is, when the batch's policy says so), else a new client under {@code clientId} (derived from the
     * import row, so importing the row again finds it: CREATED). Nothing is stored until {@link #store}.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     */
    public Clients.ImportedClientUse resolve(String clientId, PartyDetails details, List<String> emails,
                                             Language language) {
        Client described = Client.create(clientId, tenantId, details, emails, language, now);
        String uic = described.details().uic();
        Optional<Client> sameUic = uic == null ? Optional.empty() : oldestWithUic(uic);
        if (sameUic.isEmpty()) {
            Client before = known.get(clientId);
            if (before == null) {
                made.put(clientId, described);
                known.put(clientId, described);
                return new Clients.ImportedClientUse(described, ClientUse.Resolution.CREATED, List.of());
            }
            // the row was imported before (a batch run again): its client is the one it made then
            return compared(before, described);
        }
        return compared(sameUic.get(), described);
    }

    private Clients.ImportedClientUse compared(Client stored, Client described) {
        List<String> fields = stored.differences(described);
        if (fields.isEmpty()) {
            return new Clients.ImportedClientUse(stored, ClientUse.Resolution.MATCHED, List.of());
        }
        if (ClientPolicy.orDefault(policy) == ClientPolicy.CONFLICT) {
            return new Clients.ImportedClientUse(stored, ClientUse.Resolution.CONFLICT, fields);
        }
        Client updated = stored.describedAs(described);
        known.put(updated.id(), updated);
        (made.containsKey(updated.id()) ? made : changed).put(updated.id(), updated);
        return new Clients.ImportedClientUse(updated, ClientUse.Resolution.UPDATED, fields);
    }

    /** The tenant's first client with this UIC (the oldest): the one an import reuses when a row names it by UIC. */
    private Optional<Client> oldestWithUic(String uic) {
        Client oldest = null;
        for (Client client : known.values()) {
            if (Objects.equals(uic, client.details().uic())
                    && (oldest == null || client.createdAt().isBefore(oldest.createdAt()))) {
                oldest = client;
            }
        }
        return Optional.ofNullable(oldest);
    }

    /**
     * Stores what the batch's rows made and changed. A client made that exists already was made by another delivery
     * of the same batch, from the same rows: it is left as that one stored it.
     */
    public void store() {
        store.insertAllIfAbsent(new ArrayList<>(made.values()));
        store.replaceAll(new ArrayList<>(changed.values()));
    }
}
