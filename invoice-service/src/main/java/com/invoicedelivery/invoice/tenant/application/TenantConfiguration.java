package com.invoicedelivery.invoice.tenant.application;

import com.invoicedelivery.invoice.tenant.persistence.TenantStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class TenantConfiguration {

    @Bean
    TenantStore tenantStore(MongoTemplate mongo) {
        return new TenantStore(mongo);
    }

    @Bean
    Tenants tenants(TenantStore store) {
        return new Tenants(store);
    }
}
