package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Spectral rules refuse a document whose errors are not problem documents, that lacks the roles, or
 * whose schemas' properties lack a description or a valid example, or whose JSON bodies have no example.
 */
class OpenApiLintTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1", "description": "d"},
             "servers": [{"url": "http://localhost"}],
             "components": {"schemas": {"Problem": {"type": "object"},
                                       "Thing": {"type": "object", "properties": {"name": {"type": "string", %s}}}},
                            "securitySchemes": {"bearer-jwt": {"type": "http", "scheme": "bearer"}}},
             "security": [{"bearer-jwt": []}],
             "paths": {"/api/things/{id}": {"get": {
               "operationId": "thing", "description": "One thing.", "security": [{"bearer-jwt": []}],
               %s
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "OK", "content": {"application/json":
                         {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                 "401": {"description": "No token", "content": {"application/problem+json":
                         {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "403": {"description": "No role", "content": {"application/problem+json":
                         {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "404": {"description": "Not found", "content": {%s}}}}}}}
            """;
    private static final String ROLES = "\"x-required-roles\": [\"tenant_user\"],";
    private static final String NAME = "\"description\": \"The thing's name.\", \"example\": \"Acme\"";
    private static final String PROBLEM =
            "\"application/problem+json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}";

    @Test
    void aDocumentThatKeepsTheRulesPasses(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("good.json"), DOCUMENT.formatted(NAME, ROLES, PROBLEM));

        OpenApiLint.lint(document);
    }

    @Test
    void anErrorAnswerThatIsNotTheProblemSchemaFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("bad.json"), DOCUMENT.formatted(NAME, ROLES,
                "\"application/json\": {\"schema\": {\"type\": \"object\"}}"));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-error-is-problem");
    }

    @Test
    void anOperationWithoutItsRolesFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("no-roles.json"), DOCUMENT.formatted(NAME, "", PROBLEM));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-operation-security");
    }

    @Test
    void aPropertyWithoutADescriptionFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("no-description.json"),
                DOCUMENT.formatted("\"example\": \"Acme\"", ROLES, PROBLEM));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-property-description");
    }

    @Test
    void aPropertyWithoutAnExampleFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("no-example.json"),
                DOCUMENT.formatted("\"description\": \"The thing's name.\"", ROLES, PROBLEM));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-property-example");
    }

    @Test
    void anExampleThatBreaksItsPropertysSchemaFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("bad-example.json"),
                DOCUMENT.formatted("\"description\": \"The thing's name.\", \"example\": 42", ROLES, PROBLEM));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("oas3-valid-schema-example");
    }

    @Test
    void aJsonAnswerWithNeitherAComponentSchemaNorAnExampleFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("no-media-example.json"), DOCUMENT.formatted(NAME, ROLES, PROBLEM)
                .replace("{\"$ref\": \"#/components/schemas/Thing\"}", "{\"type\": \"object\"}"));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-media-example");
    }

    @Test
    void anOperationsExampleThatBreaksItsSchemaFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("bad-media-example.json"),
                DOCUMENT.formatted(NAME, ROLES, PROBLEM).replace("{\"schema\": {\"$ref\": \"#/components/schemas/Thing\"}}",
                        "{\"schema\": {\"type\": \"object\", \"properties\": {\"count\": {\"type\": \"integer\"}}},"
                                + " \"example\": {\"count\": \"many\"}}"));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("oas3-valid-media-example");
    }

    private static NodeTool.Result spectral(Path document) throws Exception {
        Path root = NodeTool.repositoryRoot();
        return NodeTool.require("spectral").run(root, "lint", "--fail-severity=error", "--format=text",
                "--ruleset", root.resolve(OpenApiLint.RULESET).toString(), document.toString());
    }
}
