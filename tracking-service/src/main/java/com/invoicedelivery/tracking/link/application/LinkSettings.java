package com.invoicedelivery.tracking.link.application;

import java.time.Duration;
import java.util.List;

import com.invoicedelivery.tracking.link.domain.MachineSuspicion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The link rules that configuration may tune (see {@code tracking.links.*} in application.yml). */
@Configuration(proxyBeanMethods = false)
class LinkSettings {

    @Bean
    MachineSuspicion machineSuspicion(
            @Value("${tracking.links.suspected-machine.delivery-window:10s}") Duration deliveryWindow,
            @Value("${tracking.links.suspected-machine.extra-user-agents:}") List<String> extraUserAgents) {
        return new MachineSuspicion(deliveryWindow, extraUserAgents);
    }
}
