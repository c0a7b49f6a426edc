package com.invoicedelivery.mail;

import java.time.Clock;

import com.invoicedelivery.kit.config.PlatformClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * mail-dispatch-service: delivers each recipient's invoice e-mail from a persistent dispatch queue, with retries
 * that never lose or blindly repeat a message, and keeps the log of every e-mail sent.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MailDispatchServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MailDispatchServiceApplication.class, args);
    }

    /** The system's clock, shifted only in the fault suite's clock-skew scenario (platform.clock.offset). */
    @Bean
    Clock clock(Environment environment) {
        return PlatformClock.of(environment);
    }
}
