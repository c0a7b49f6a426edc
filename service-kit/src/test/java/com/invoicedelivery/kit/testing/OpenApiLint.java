package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A running service's OpenAPI document, written to {@code target/openapi/<service>.json} and linted with the
 * repository's Spectral rules ({@code docs/api/.spectral.yaml}): no error may remain.
 */
public final class OpenApiLint {

    /** The ruleset every service's document keeps. */
    public static final String RULESET = "docs/api/.spectral.yaml";

    private OpenApiLint() {
    }

    /** Fetches {@code /v3/api-docs} from the port and writes it to {@code target/openapi/<name>.json}. */
    public static Path writeDocument(String serviceName, int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("/v3/api-docs of " + serviceName).isEqualTo(200);
        Path file = Path.of("target", "openapi", serviceName + ".json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, response.body());
        return file;
    }

    /** Lints the document with the repository's rules; fails with Spectral's report on any error. */
    public static NodeTool.Result lint(Path document) throws IOException, InterruptedException {
        NodeTool spectral = NodeTool.require("spectral");
        Path root = NodeTool.repositoryRoot();
        NodeTool.Result result = spectral.run(root, "lint", "--fail-severity=error", "--format=text",
                "--ruleset", root.resolve(RULESET).toString(), document.toString());
        assertThat(result.exitCode()).as("spectral lint " + document + ":\n" + result.output()).isZero();
        return result;
    }
}
