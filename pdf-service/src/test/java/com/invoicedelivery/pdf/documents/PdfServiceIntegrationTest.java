package com.invoicedelivery.pdf.documents;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The scenarios against the embedded infrastructure: an in-process KRaft broker and an in-memory MongoDB-wire
 * server. The context is closed with the class, while the broker still runs, so no producer is left waiting
 * on a broker that the JVM's shutdown is taking down.
 */
@ServiceIntegrationTest
@DirtiesContext
class PdfServiceIntegrationTest extends PdfServiceScenarios {
}
