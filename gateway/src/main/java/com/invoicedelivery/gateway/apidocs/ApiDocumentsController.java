package com.invoicedelivery.gateway.apidocs;

import com.invoicedelivery.gateway.config.GatewayProperties;
import com.invoicedelivery.kit.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v3/api-docs/combined}: every service's API in one document; {@code /v3/api-docs/<service>}: one service's,
 * as the gateway publishes it. Both are what the Swagger UI ({@code /swagger-ui.html}) shows.
 */
@RestController
public class ApiDocumentsController {

    public static final String COMBINED = "combined";

    private final ApiDocuments documents;

    ApiDocumentsController(ApiDocuments documents) {
        this.documents = documents;
    }

    @GetMapping(value = "/v3/api-docs/" + COMBINED, produces = MediaType.APPLICATION_JSON_VALUE)
    Object combined() {
        return documents.combined();
    }

    @GetMapping(value = "/v3/api-docs/{service}", produces = MediaType.APPLICATION_JSON_VALUE)
    Object service(@PathVariable String service) {
        if (!documents.knows(service)) {
            ProblemDetail problem = ProblemResponses.problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "No service " + service + "; the documents are " + documents.services() + " and " + COMBINED + ".");
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return documents.service(service);
    }

    @Configuration(proxyBeanMethods = false)
    static class Documents {

        @Bean
        ApiDocuments apiDocuments(GatewayProperties gateway, JsonMapper json) {
            return new ApiDocuments(gateway, json);
        }
    }
}
