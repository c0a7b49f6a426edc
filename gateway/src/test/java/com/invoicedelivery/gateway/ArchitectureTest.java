package com.invoicedelivery.gateway;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The platform's rules that apply to a module without a domain of its own: typed configuration, beans in
 * configuration classes, no cycles, and none of the services' code (the gateway knows them by URL only).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    static final String BASE = "com.invoicedelivery.gateway";
    JavaClasses classes;

    @BeforeAll
    void importGateway() {
        classes = ArchitectureRules.importService(BASE);
    }

    @Test
    void usesNoServicesCode() {
        ArchitectureRules.doesNotUseOtherServices(BASE, "com.invoicedelivery.pdf", "com.invoicedelivery.invoice",
                "com.invoicedelivery.mail", "com.invoicedelivery.tracking").check(classes);
    }

    @Test
    void configurationIsTypedNotInjectedByValue() {
        ArchitectureRules.noValueInjectedFields().check(classes);
        ArchitectureRules.noValueInjectedParameters().check(classes);
    }

    @Test
    void beansAreDeclaredInConfigurationClasses() {
        ArchitectureRules.beansAreDeclaredInConfigurationClasses().check(classes);
        ArchitectureRules.beanMethodsAreInConfigurationClasses().check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(BASE).check(classes);
    }
}
