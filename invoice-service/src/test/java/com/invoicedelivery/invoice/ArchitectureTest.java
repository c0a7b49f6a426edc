package com.invoicedelivery.invoice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String BASE = "com.invoicedelivery.invoice";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ArchitectureRules.importService(BASE);
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
    void adaptersDoNotUsePersistence() {
        ArchitectureRules.adaptersDoNotUsePersistence().check(classes);
    }

    @Test
    void featuresAreFreeOfCycles() {
        ArchitectureRules.featuresAreFreeOfCycles(BASE).check(classes);
    }

    @Test
    void doesNotUseOtherServices() {
        ArchitectureRules.doesNotUseOtherServices(BASE, "com.invoicedelivery.pdf", "com.invoicedelivery.mail",
                "com.invoicedelivery.tracking").check(classes);
    }

    /** Events go out through the outbox, in the same write as the state they announce (ARCHITECTURE.md). */
    @Test
    void nothingPublishesAroundTheOutbox() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().haveFullyQualifiedName(
                        "org.springframework.cloud.stream.function.StreamBridge")
                .orShould().dependOnClassesThat().resideInAPackage("org.apache.kafka.clients.producer..")
                .check(classes);
    }
}
