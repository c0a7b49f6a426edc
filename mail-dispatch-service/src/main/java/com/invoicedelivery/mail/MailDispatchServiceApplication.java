package com.invoicedelivery.mail;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

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

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
