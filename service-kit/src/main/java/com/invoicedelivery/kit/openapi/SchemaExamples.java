package com.invoicedelivery.kit.openapi;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Examples of the properties of schemas whose classes cannot carry {@code @Schema(example = …)} themselves, the
 * sibling of {@link SchemaDescriptions}: domain records used as request or response bodies (domain classes import
 * neither Spring nor Swagger), and web records described through a {@link SchemaDescriptions} map. A service's web
 * layer declares one as a bean: schema name → property → example, a value of the property's JSON type (a
 * {@code String}, a number, a {@code Boolean}, a {@code List} or a {@code Map}), taken from what the tests send and
 * receive. A schema or property it names that the document does not have is an error (the example would silently
 * stop applying after a rename), so the document fails to build and the service's OpenAPI lint test says so;
 * Spectral checks each example against its property's schema.
 */
public class SchemaExamples implements OpenApiCustomizer {

    private final Map<String, Map<String, Object>> examples;

    public SchemaExamples(Map<String, Map<String, Object>> examples) {
        this.examples = Map.copyOf(examples);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void customise(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
        examples.forEach((schemaName, properties) -> {
            Schema<?> schema = schemas == null ? null : schemas.get(schemaName);
            if (schema == null || schema.getProperties() == null) {
                throw new IllegalStateException("No schema " + schemaName + " with properties to give examples");
            }
            properties.forEach((property, example) -> {
                Schema<?> exemplified = schema.getProperties().get(property);
                if (exemplified == null) {
                    throw new IllegalStateException("Schema " + schemaName + " has no property " + property);
                }
                exemplified.setExample(example);
            });
        });
    }
}
