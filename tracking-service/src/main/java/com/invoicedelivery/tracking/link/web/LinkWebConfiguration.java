package com.invoicedelivery.tracking.link.web;

import com.invoicedelivery.tracking.link.application.LinkProperties;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

/** The pages' locale and error pages; and the link settings, whose display zone the pages show times in. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkProperties.class)
class LinkWebConfiguration {

    /** Error pages of {@code /l/} requests: the neutral pages with the strict headers, whatever was accepted. */
    @Bean
    FilterRegistrationBean<LinkErrorDispatchFilter> linkErrorDispatchFilter() {
        FilterRegistrationBean<LinkErrorDispatchFilter> registration =
                new FilterRegistrationBean<>(new LinkErrorDispatchFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * Tomcat refuses an encoded slash ({@code %2F}) itself, before any filter, with a page of its own. Passed
     * through undecoded, Spring Security's firewall refuses it instead: a link gets the neutral page
     * ({@link LinkRequestRejectedHandler}), an API call the kit's problem.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesToTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }

    @Bean
    LinkPathExceptionResolver linkPathExceptionResolver() {
        return new LinkPathExceptionResolver();
    }

    @Bean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new RequestAttributeLocaleResolver();
    }
}
