package com.invoicedelivery.kit.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Descriptions of the properties of schemas whose classes cannot carry {@code @Schema} themselves: domain records
 * used as request or response bodies (domain classes import neither Spring nor Swagger). A service's web layer
 * declares one as a bean: schema name → property → description. A schema or property it names that the document
 * does not have is an error (the description would silently stop applying after a rename), so the document fails
 * to build and the service's OpenAPI lint test says so.
 */
public class SchemaDescriptions implements OpenApiCustomizer {

    private final Map<String, Map<String, String>> descriptions;

    public SchemaDescriptions(Map<String, Map<String, String>> descriptions) {
        this.descriptions = Map.copyOf(descriptions);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        descriptions.forEach((schemaName, properties) -> {
            Schema<?> schema = schemas == null ? null : schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException("No schema " + schemaName + " with properties to describe");
            }
            properties.forEach((property, description) -> {
                Schema<?> described = schema.getProperties().get(property);
                if (described == null) {
                    throw new IllegalStateException("Schema " + schemaName + " has no property " + property);
                }
                described.setDescription(description);
            });
        });
    }
}
