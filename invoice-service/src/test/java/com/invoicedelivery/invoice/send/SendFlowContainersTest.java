package com.invoicedelivery.invoice.send;

import com.invoicedelivery.invoice.testing.ContainersIntegrationTest;

/**
 * The same send flow against a real MongoDB and a real Kafka broker, where a Docker engine exists; skipped where
 * none does (the embedded run, {@link SendFlowIntegrationTest}, covers every scenario there).
 */
@ContainersIntegrationTest
class SendFlowContainersTest extends SendFlowScenarios {
}
