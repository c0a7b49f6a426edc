package com.invoicedelivery.tracking;

import com.invoicedelivery.kit.testing.ArchitectureRules;
import com.invoicedelivery.kit.testing.ServiceArchitectureTest;
import org.junit.jupiter.api.Test;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.tracking");
    }

    @Test
    void domainSpeaksTheDomain() {
        ArchitectureRules.domainSpeaksTheDomain().check(classes);
    }
}
