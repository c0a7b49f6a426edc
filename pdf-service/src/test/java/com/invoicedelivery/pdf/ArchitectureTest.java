package com.invoicedelivery.pdf;

import com.invoicedelivery.kit.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.pdf");
    }
}
