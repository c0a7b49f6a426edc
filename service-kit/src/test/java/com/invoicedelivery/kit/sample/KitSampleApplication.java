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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
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

    record Greeting(@Schema(description = "Whom to greet.", example = "Ana") @NotBlank String name,
                    @Schema(description = "Where to greet them, a plain e-mail address.",
                            example = "ana@acme.example") @Email String email,
                    @ArraySchema(arraySchema = @Schema(description = "Labels of the greeting.",
                            example = "[\"welcome\"]"),
                            schema = @Schema(example = "welcome"))
                    List<String> tags) {
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

        // a map answer has no component schema whose properties carry examples: the operation gives its own
        // (platform-media-example), keeping the schema the map had
        @ApiResponse(responseCode = "200", description = "The caller's tenant and subject.", content = @Content(
                mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                examples = @ExampleObject(value = "{\"tenant\": \"acme\", \"subject\": \"user-1\"}")))
        @GetMapping("/api/me")
        Map<String, Object> me(Caller caller) {
            return Map.of("tenant", caller.requireTenant(), "subject", caller.subject());
        }

        @PostMapping("/api/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @ApiResponse(responseCode = "200", description = "The thing.", content = @Content(
                mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                examples = @ExampleObject(value = "{\"id\": \"1\"}")))
        @GetMapping("/api/things/{id}")
        Map<String, Object> thing(@PathVariable String id) {
            throw new NotFoundException("Thing", id);
        }

        @ApiResponse(responseCode = "200", description = "The note.", content = @Content(
                mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                examples = @ExampleObject(value = "{\"id\": \"1\"}")))
        @GetMapping("/api/notes/{id}")
        Map<String, Object> note(@PathVariable String id) {
            return Map.of("id", id);
        }

        @ApiResponse(responseCode = "200", description = "The note, changed.", content = @Content(
                mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                examples = @ExampleObject(value = "{\"id\": \"1\", \"changed\": true}")))
        @PutMapping("/api/notes/{id}")
        Map<String, Object> changeNote(@PathVariable String id) {
            return Map.of("id", id, "changed", true);
        }

        @ApiResponse(responseCode = "200", description = "The owner's secrets.", content = @Content(
                mediaType = MediaType.APPLICATION_JSON_VALUE,
                schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE),
                examples = @ExampleObject(value = "{\"secret\": \"only for the owner\"}")))
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
