package com.invoicedelivery.invoice.client.web;

import java.net.URI;
import java.util.List;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.kit.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
public class ClientController {

    private final Clients clients;

    public ClientController(Clients clients) {
        this.clients = clients;
    }

    @Operation(summary = "Add a client with its e-mail addresses and language")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public ResponseEntity<ClientView> create(Caller caller, @RequestBody ClientRequest request) {
        Client client = clients.create(caller.requireTenant(), request.details(), request.emails(), request.language());
        return ResponseEntity.created(URI.create("/api/clients/" + client.id())).body(ClientView.of(client));
    }

    @Operation(summary = "The tenant's clients, by name")
    @GetMapping
    public List<ClientView> list(Caller caller) {
        return clients.list(caller.requireTenant()).stream().map(ClientView::of).toList();
    }

    @Operation(summary = "One client")
    @GetMapping("/{clientId}")
    public ClientView get(Caller caller, @PathVariable String clientId) {
        return ClientView.of(clients.get(caller.requireTenant(), clientId));
    }
}
