package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.kit.testing.NodeTool;
import com.invoicedelivery.kit.testing.OpenApiLint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The web UI's side of the contract: a TypeScript client generated (openapi-typescript) from the combined document the
 * gateway makes of the running services, and clients/typescript/example.ts type-checked against it (tsc --noEmit).
 * A field renamed or a path removed in a service fails here, where a UI would feel it. The combined document is
 * also linted with the repository's Spectral rules, as each service's own is.
 */
@ExtendWith(PlatformExtension.class)
class GatewayTypeScriptClientIT {

    private final LocalPlatform platform;

    GatewayTypeScriptClientIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void theExampleClientTypeChecksAgainstTheClientGeneratedFromTheCombinedDocument() throws Exception {
        NodeTool generator = NodeTool.require("openapi-typescript");
        NodeTool tsc = NodeTool.require("tsc");
        Path client = NodeTool.repositoryRoot().resolve("clients/typescript");
        Path generated = Files.createDirectories(client.resolve("generated"));
        ApiOperations.Answer combined = ApiOperations.call("GET", platform.gatewayUrl() + "/v3/api-docs/combined",
                null, null, null);
        assertThat(combined.status()).as(combined.body()).isEqualTo(200);
        Path document = generated.resolve("combined-openapi.json");
        Files.writeString(document, combined.body());
        // the combined document keeps the repository's OpenAPI rules as each service's own does
        OpenApiLint.lint(document);

        NodeTool.Result generation = generator.run(client, "generated/combined-openapi.json", "-o",
                "generated/platform-api.d.ts");
        assertThat(generation.exitCode()).as(generation.output()).isZero();
        NodeTool.Result check = tsc.run(client, "--noEmit", "-p", "tsconfig.json");
        assertThat(check.exitCode()).as("tsc --noEmit on clients/typescript/example.ts:\n" + check.output()).isZero();
    }
}
