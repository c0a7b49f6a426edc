package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository's Spectral rules refuse a document whose errors are not problem documents or lack the roles. */
class OpenApiLintTest {

    private static final String DOCUMENT = """
            {"openapi": "3.0.1", "info": {"title": "t", "version": "1", "description": "d"},
             "servers": [{"url": "http://localhost"}],
             "components": {"schemas": {"Problem": {"type": "object"}},
                            "securitySchemes": {"bearer-jwt": {"type": "http", "scheme": "bearer"}}},
             "security": [{"bearer-jwt": []}],
             "paths": {"/api/things/{id}": {"get": {
               "operationId": "thing", "description": "One thing.", "security": [{"bearer-jwt": []}],
               %s
               "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
               "responses": {
                 "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}},
                 "401": {"description": "No token", "content": {"application/problem+json":
                         {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "403": {"description": "No role", "content": {"application/problem+json":
                         {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                 "404": {"description": "Not found", "content": {%s}}}}}}}
            """;
    private static final String ROLES = "\"x-required-roles\": [\"tenant_user\"],";
    private static final String PROBLEM =
            "\"application/problem+json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}";

    @Test
    void aDocumentThatKeepsTheRulesPasses(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("good.json"), DOCUMENT.formatted(ROLES, PROBLEM));

        OpenApiLint.lint(document);
    }

    @Test
    void anErrorAnswerThatIsNotTheProblemSchemaFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("bad.json"), DOCUMENT.formatted(ROLES,
                "\"application/json\": {\"schema\": {\"type\": \"object\"}}"));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-error-is-problem");
    }

    @Test
    void anOperationWithoutItsRolesFailsTheLint(@TempDir Path dir) throws Exception {
        Path document = Files.writeString(dir.resolve("no-roles.json"), DOCUMENT.formatted("", PROBLEM));

        NodeTool.Result result = spectral(document);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("platform-operation-security");
    }

    private static NodeTool.Result spectral(Path document) throws Exception {
        Path root = NodeTool.repositoryRoot();
        return NodeTool.require("spectral").run(root, "lint", "--fail-severity=error", "--format=text",
                "--ruleset", root.resolve(OpenApiLint.RULESET).toString(), document.toString());
    }
}
