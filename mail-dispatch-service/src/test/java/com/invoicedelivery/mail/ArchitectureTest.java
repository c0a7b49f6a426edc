package com.invoicedelivery.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.invoicedelivery.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.mail");
    }

    @Test
    void domainClassesThrowTheirOwnExceptionsNotTheKitsHttpProblems() {
        noClasses().that().resideInAPackage("com.invoicedelivery.mail..domain..")
                .should().dependOnClassesThat().resideInAPackage("com.invoicedelivery.kit.problem..")
                .because("the web layer maps domain exceptions to problem responses")
                .check(classes);
    }
}
