package com.invoicedelivery.tracking.logo.application;

import java.time.Clock;

import com.invoicedelivery.tracking.logo.persistence.LogoStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LogoProperties.class)
class LogoConfiguration {

    @Bean
    TenantLogos tenantLogos(LogoStore store, Clock clock, LogoProperties properties) {
        return new TenantLogos(store, clock, properties);
    }
}
