package com.invoicedelivery.deploy.e2e;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The steps of a send's timeline as invoice-service shows them ({@code GET /api/sends/{id}}). */
final class Timeline {

    private Timeline() {
    }

    static List<String> steps(JsonNode send) {
        List<String> steps = new ArrayList<>();
        send.get("timeline").forEach(entry -> steps.add(entry.get("step").asText()));
        return steps;
    }
}
