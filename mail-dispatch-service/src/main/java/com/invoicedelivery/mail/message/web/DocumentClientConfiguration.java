package com.invoicedelivery.mail.message.web;

import com.invoicedelivery.kit.security.ServiceTokens;
import com.invoicedelivery.kit.web.ServiceRestClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The client of pdf-service's internal API, with its timeouts (every network call has one). */
@Configuration(proxyBeanMethods = false)
class DocumentClientConfiguration {

    @Bean
    PdfServiceClient pdfServiceClient(RestClient.Builder builder, ServiceTokens tokens,
                                      PdfServiceProperties pdfService) {
        return new PdfServiceClient(ServiceRestClients.to(builder, pdfService.url(), pdfService.connectTimeout(),
                pdfService.readTimeout()), tokens);
    }
}
