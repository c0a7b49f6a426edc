package com.invoicedelivery.kit.sample;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.kit.security.Caller;
import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the kit, for testing the kit. */
@SpringBootApplication
public class KitSampleApplication {

    @Bean
    OutboxCollection samplesOutbox() {
        return new OutboxCollection("samples");
    }

    /** Changing a note is for the tenant's admins: the narrower rule, so it comes first. */
    @Bean
    PathRoles notesAreChangedByAdmins() {
        return new PathRoles(HttpMethod.PUT, "/api/notes/**", Roles.TENANT_ADMIN);
    }

    /** Reading notes is for tenant users: the platform's default for the API, declared after the narrower rule. */
    @Bean
    PathRoles notesAreForTenantUsers() {
        return PathRoles.anyMethod("/api/notes/**", Roles.TENANT_USER);
    }

    record Greeting(@Schema(description = "Whom to greet.") @NotBlank String name,
                    @Schema(description = "Where to greet them, a plain e-mail address.") @Email String email,
                    @Schema(description = "Labels of the greeting.") List<String> tags) {
    }

    /** What the sample's Kafka consumer received, in order. */
    @Bean
    List<Greeting> receivedGreetings() {
        return new CopyOnWriteArrayList<>();
    }

    /** Names the sample consumer fails on for now, as a consumer with a bug would: for testing dead-letter replay. */
    static final class RefusedNames {

        private final Set<String> names = ConcurrentHashMap.newKeySet();

        void refuse(String name) {
            names.add(name);
        }

        void accept(String name) {
            names.remove(name);
        }

        boolean refuses(String name) {
            return names.contains(name);
        }
    }

    @Bean
    RefusedNames refusedNames() {
        return new RefusedNames();
    }

    @Bean
    Consumer<Greeting> receiveGreeting(List<Greeting> receivedGreetings, RefusedNames refusedNames) {
        return greeting -> {
            if (refusedNames.refuses(greeting.name())) {
                throw new IllegalStateException("the sample refuses greetings for " + greeting.name() + " for now");
            }
            receivedGreetings.add(greeting);
        };
    }

    @RestController
    static class SampleController {

        @GetMapping("/api/me")
        Map<String, Object> me(Caller caller) {
            return Map.of("tenant", caller.requireTenant(), "subject", caller.subject());
        }

        @PostMapping("/api/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/api/things/{id}")
        Map<String, Object> thing(@PathVariable String id) {
            throw new NotFoundException("Thing", id);
        }

        @GetMapping("/api/notes/{id}")
        Map<String, Object> note(@PathVariable String id) {
            return Map.of("id", id);
        }

        @PutMapping("/api/notes/{id}")
        Map<String, Object> changeNote(@PathVariable String id) {
            return Map.of("id", id, "changed", true);
        }

        @GetMapping("/api/secrets")
        Map<String, Object> secrets() {
            throw new org.springframework.security.access.AccessDeniedException("only for the owner");
        }

        @GetMapping("/internal/ping")
        String ping() {
            return "pong";
        }
    }
}
