package com.invoicedelivery.mail;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String BASE = "com.invoicedelivery.mail";
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
        ArchitectureRules.doesNotUseOtherServices(BASE, "com.invoicedelivery.invoice", "com.invoicedelivery.pdf",
                "com.invoicedelivery.tracking").check(classes);
    }
}
