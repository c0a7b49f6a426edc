package com.invoicedelivery.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Clients in memory, registered while the provider runs. Spring's {@code InMemoryRegisteredClientRepository}
 * insists on at least one client at start and refuses a second client with the same client id; here the provider
 * starts empty and registering a client id again replaces it (a test user's roles or secret changed).
 */
final class RuntimeClientRepository implements RegisteredClientRepository {

    private final Map<String, RegisteredClient> byClientId = new ConcurrentHashMap<>();

    @Override
    public void save(RegisteredClient client) {
        byClientId.put(client.getClientId(), client);
    }

    @Override
    public RegisteredClient findById(String id) {
        return byClientId.values().stream().filter(client -> client.getId().equals(id)).findFirst().orElse(null);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return byClientId.get(clientId);
    }
}
