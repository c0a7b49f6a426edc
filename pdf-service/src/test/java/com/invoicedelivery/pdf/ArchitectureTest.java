package com.invoicedelivery.pdf;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.invoicedelivery.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.pdf");
    }

    @Test
    void domainSpeaksTheDomain() {
        ArchitectureRules.domainSpeaksTheDomain().check(classes);
    }
}
