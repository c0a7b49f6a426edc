package com.invoicedelivery.invoice.importing;

import com.invoicedelivery.invoice.testing.ContainersIntegrationTest;

/**
 * Import then send against a real MongoDB and a real Kafka broker, where a Docker engine exists; skipped where
 * none does (the embedded run, {@link ImportIntegrationTest}, covers every scenario there).
 */
@ContainersIntegrationTest
class ImportContainersTest extends ImportScenarios {
}
