package com.invoicedelivery.invoice;

import com.invoicedelivery.kit.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.invoice");
    }
}
