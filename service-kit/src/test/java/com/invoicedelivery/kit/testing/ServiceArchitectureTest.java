package com.invoicedelivery.kit.testing;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@link ArchitectureRules} checked on one service's production classes. A service's test extends it with its
 * base package, and adds any rule of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ServiceArchitectureTest {

    /** The platform's services; each must not use the others' code. */
    private static final List<String> SERVICES = List.of("com.invoicedelivery.pdf", "com.invoicedelivery.invoice",
            "com.invoicedelivery.mail", "com.invoicedelivery.tracking");

    protected final String basePackage;
    protected JavaClasses classes;

    protected ServiceArchitectureTest(String basePackage) {
        if (!SERVICES.contains(basePackage)) {
            throw new IllegalArgumentException(basePackage + " is not one of the services " + SERVICES);
        }
        this.basePackage = basePackage;
    }

    @BeforeAll
    void importService() {
        classes = ArchitectureRules.importService(basePackage);
    }

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava().check(classes);
    }

    @Test
    void domainDoesNotDependOnOuterLayers() {
        ArchitectureRules.domainDoesNotDependOnOuterLayers().check(classes);
    }

    @Test
    void domainSpeaksTheDomain() {
        ArchitectureRules.domainSpeaksTheDomain().check(classes);
    }

    @Test
    void adaptersDoNotUsePersistence() {
        ArchitectureRules.adaptersDoNotUsePersistence().check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(basePackage).check(classes);
    }

    @Test
    void doesNotUseOtherServices() {
        String[] others = SERVICES.stream().filter(service -> !service.equals(basePackage)).toArray(String[]::new);
        ArchitectureRules.doesNotUseOtherServices(basePackage, others).check(classes);
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
    void nothingPublishesAroundTheOutbox() {
        ArchitectureRules.nothingPublishesAroundTheOutbox(basePackage).check(classes);
    }

    @Test
    void digestsComeFromTheKit() {
        ArchitectureRules.digestsComeFromTheKit().check(classes);
    }

    @Test
    void malformedRecordsAreTheKits() {
        ArchitectureRules.malformedRecordsAreTheKits().check(classes);
    }
}
