package com.invoicedelivery.invoice;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.invoicedelivery.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.invoice");
    }

    @Test
    void domainSpeaksTheDomain() {
        ArchitectureRules.domainSpeaksTheDomain().check(classes);
    }
}
