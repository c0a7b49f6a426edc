package com.invoicedelivery.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.kit.testing.rulefixtures.ValueInjected;
import com.invoicedelivery.kit.testing.rulefixtures.domain.HttpShapedRefusal;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The rules added for configuration, wiring and domain exceptions report the classes that break them. */
class ArchitectureRulesTest {

    private final JavaClasses fixtures = new ClassFileImporter().importClasses(ValueInjected.class,
            HttpShapedRefusal.class);

    @Test
    void valueOnAFieldOrAParameterIsReported() {
        assertThat(violations(ArchitectureRules.noValueInjectedFields())).contains("ValueInjected.field");
        assertThat(violations(ArchitectureRules.noValueInjectedParameters())).contains("ValueInjected.<init>");
    }

    @Test
    void aStereotypeInsteadOfABeanMethodIsReported() {
        assertThat(violations(ArchitectureRules.beansAreDeclaredInConfigurationClasses())).contains("ValueInjected");
    }

    @Test
    void aDomainClassUsingTheKitsProblemsIsReported() {
        assertThat(violations(ArchitectureRules.domainSpeaksTheDomain())).contains("HttpShapedRefusal");
    }

    private String violations(ArchRule rule) {
        return String.join("\n", rule.evaluate(fixtures).getFailureReport().getDetails());
    }
}
