package com.invoicedelivery.mail;

import com.invoicedelivery.kit.testing.ServiceArchitectureTest;

class ArchitectureTest extends ServiceArchitectureTest {

    ArchitectureTest() {
        super("com.invoicedelivery.mail");
    }
}
