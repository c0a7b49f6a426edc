package com.invoicedelivery.tracking.link.web;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** pdf-service's internal API, with connect and read timeouts. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PdfServiceProperties.class)
class PdfServiceConfiguration {

    @Bean
    PdfServiceClient pdfServiceClient(RestClient.Builder builder, ServiceTokens tokens,
                                      PdfServiceProperties pdfService) {
        return new PdfServiceClient(ServiceRestClients.to(builder, pdfService.url(), pdfService.connectTimeout(),
                pdfService.readTimeout()), tokens);
    }
}
