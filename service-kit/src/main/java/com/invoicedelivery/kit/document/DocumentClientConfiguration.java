package com.invoicedelivery.kit.document;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/**
 * A {@link DocumentClient} in every service that names pdf-service ({@code platform.pdf-service.url}); such a service
 * needs {@link ServiceTokens}, that is a client secret with the identity provider ({@code OAUTH_CLIENT_SECRET}).
 */
@AutoConfiguration
@ConditionalOnProperty("platform.pdf-service.url")
@EnableConfigurationProperties(PdfServiceProperties.class)
public class DocumentClientConfiguration {

    @Bean
    DocumentClient documentClient(RestClient.Builder builder, ObjectProvider<ServiceTokens> tokens,
                                  PdfServiceProperties pdfService) {
        ServiceTokens serviceTokens = tokens.getIfAvailable(() -> {
            throw new IllegalStateException("platform.pdf-service.url is set but OAUTH_CLIENT_SECRET "
                    + "(platform.oauth-client.client-secret) is not: this service has no tokens to call pdf-service "
                    + "with");
        });
        return new DocumentClient(ServiceRestClients.to(builder, pdfService.url(), pdfService.connectTimeout(),
                pdfService.readTimeout()), serviceTokens);
    }
}
