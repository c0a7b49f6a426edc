package com.invoicedelivery.invoice.send;

import com.invoicedelivery.invoice.testing.ContainersIntegrationTest;

/**
 * Bulk sending against a real MongoDB and a real Kafka broker, where a Docker engine exists; skipped where
 * none does (the embedded run, {@link BulkSendIntegrationTest}, covers every scenario there).
 */
@ContainersIntegrationTest
class BulkSendContainersTest extends BulkSendScenarios {
}
