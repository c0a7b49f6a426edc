package com.invoicedelivery.tracking;

import java.time.Clock;

import com.invoicedelivery.kit.config.PlatformClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The client's side of a link-mode send: the personal link pages and the record of what the client did. */
@SpringBootApplication
public class TrackingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TrackingServiceApplication.class, args);
    }

    /** The system's clock, shifted only in the fault suite's clock-skew scenario (platform.clock.offset). */
    @Bean
    Clock clock(Environment environment) {
        return PlatformClock.of(environment);
    }
}
