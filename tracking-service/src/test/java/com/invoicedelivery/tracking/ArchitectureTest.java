package com.invoicedelivery.tracking;

import com.invoicedelivery.kit.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.tracking");
    }
}
