package com.invoicedelivery.kit.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

import com.invoicedelivery.kit.security.ServiceTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

class DocumentClientConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DocumentClientConfiguration.class))
            .withBean(RestClient.Builder.class, RestClient::builder)
            .withBean(ServiceTokens.class, () -> audience -> "service-token")
            .withPropertyValues(kitDefaults());

    /** The kit's defaults of {@code platform.pdf-service.*}, as every service gets them. */
    private static String[] kitDefaults() {
        Properties defaults = new Properties();
        try (InputStream in = DocumentClientConfigurationTest.class
                .getResourceAsStream("/service-kit-defaults.properties")) {
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return defaults.stringPropertyNames().stream().filter(key -> key.startsWith("platform.pdf-service."))
                .map(key -> key + "=" + defaults.getProperty(key)).toArray(String[]::new);
    }

    @Test
    void aServiceThatNamesPdfServiceHasADocumentClientWithTheDefaultTimeouts() {
        context.withPropertyValues("platform.pdf-service.url=http://pdf-service:8080").run(started -> {
            assertThat(started).hasSingleBean(DocumentClient.class);
            assertThat(started.getBean(PdfServiceProperties.class)).isEqualTo(new PdfServiceProperties(
                    "http://pdf-service:8080", Duration.ofSeconds(2), Duration.ofSeconds(10)));
        });
    }

    @Test
    void theTimeoutsAreConfigurable() {
        context.withPropertyValues("platform.pdf-service.url=http://pdf-service:8080",
                        "platform.pdf-service.connect-timeout=1s", "platform.pdf-service.read-timeout=30s")
                .run(started -> assertThat(started.getBean(PdfServiceProperties.class))
                        .extracting(PdfServiceProperties::connectTimeout, PdfServiceProperties::readTimeout)
                        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    @Test
    void aServiceThatDoesNotNamePdfServiceHasNoDocumentClient() {
        context.run(started -> assertThat(started).doesNotHaveBean(DocumentClient.class));
    }
}
