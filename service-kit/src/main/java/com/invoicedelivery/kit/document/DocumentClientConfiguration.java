package com.invoicedelivery.kit.document;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClient;

/** A {@link DocumentClient} in every service that names pdf-service ({@code platform.pdf-service.url}). */
@AutoConfiguration
@ConditionalOnProperty("platform.pdf-service.url")
@EnableConfigurationProperties(PdfServiceProperties.class)
public class DocumentClientConfiguration {

    @Bean
    DocumentClient documentClient(RestClient.Builder builder, ServiceTokens tokens, PdfServiceProperties pdfService) {
        return new DocumentClient(ServiceRestClients.to(builder, pdfService.url(), pdfService.connectTimeout(),
                pdfService.readTimeout()), tokens);
    }
}
