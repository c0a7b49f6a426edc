package com.invoicedelivery.mail.message.web;

import java.time.Duration;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The client of pdf-service's internal API, with its timeouts (every network call has one). */
@Configuration(proxyBeanMethods = false)
class DocumentClientConfiguration {

    @Bean
    PdfServiceClient pdfServiceClient(RestClient.Builder builder, ServiceTokens tokens,
                                      @Value("${mail.pdf-service.url}") String baseUrl,
                                      @Value("${mail.pdf-service.connect-timeout:2s}") Duration connectTimeout,
                                      @Value("${mail.pdf-service.read-timeout:10s}") Duration readTimeout) {
        return new PdfServiceClient(ServiceRestClients.to(builder, baseUrl, connectTimeout, readTimeout), tokens);
    }
}
