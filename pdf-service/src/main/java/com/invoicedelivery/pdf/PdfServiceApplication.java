package com.invoicedelivery.pdf;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * pdf-service: renders each send's invoice as a PDF (Flying Saucer), stores it once with its SHA-256 and serves
 * it by id to the other services.
 */
@SpringBootApplication
public class PdfServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PdfServiceApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
