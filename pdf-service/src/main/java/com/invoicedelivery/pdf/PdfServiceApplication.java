package com.invoicedelivery.pdf;

import java.time.Clock;

import com.invoicedelivery.kit.config.PlatformClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * pdf-service: renders each send's invoice as a PDF (Flying Saucer), stores it once with its SHA-256 and serves
 * it by id to the other services.
 */
@SpringBootApplication
public class PdfServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PdfServiceApplication.class, args);
    }

    /** The system's clock, shifted only in the fault suite's clock-skew scenario (platform.clock.offset). */
    @Bean
    Clock clock(Environment environment) {
        return PlatformClock.of(environment);
    }
}
