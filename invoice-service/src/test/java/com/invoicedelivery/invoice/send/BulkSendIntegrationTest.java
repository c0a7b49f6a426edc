package com.invoicedelivery.invoice.send;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/** Bulk sending on the embedded infrastructure: a KRaft broker in process and an in-memory MongoDB-wire store. */
@ServiceIntegrationTest
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
class BulkSendIntegrationTest extends BulkSendScenarios {
}
