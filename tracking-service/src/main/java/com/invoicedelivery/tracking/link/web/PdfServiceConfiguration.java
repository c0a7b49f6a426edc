package com.invoicedelivery.tracking.link.web;

import java.time.Duration;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** pdf-service's internal API, with connect and read timeouts. */
@Configuration(proxyBeanMethods = false)
class PdfServiceConfiguration {

    @Bean
    PdfServiceClient pdfServiceClient(RestClient.Builder builder, ServiceTokens tokens,
                                      @Value("${tracking.pdf-service.url}") String baseUrl,
                                      @Value("${tracking.pdf-service.connect-timeout:2s}") Duration connectTimeout,
                                      @Value("${tracking.pdf-service.read-timeout:10s}") Duration readTimeout) {
        return new PdfServiceClient(ServiceRestClients.to(builder, baseUrl, connectTimeout, readTimeout), tokens);
    }
}
