package com.invoicedelivery.tracking.link.messaging;

import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/** From the bus to the client and back, on the embedded broker and store (see {@link LinkFlows}). */
class TrackingFlowIntegrationTest extends TrackingIntegrationTest {

    @LocalServerPort
    int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    LinkStore links;
    @Autowired
    MongoTemplate mongo;

    private LinkFlows flows;

    @BeforeEach
    void connect() {
        flows = new LinkFlows(brokers, port, json, links, mongo, PDF_SERVICE);
    }

    @AfterEach
    void disconnect() {
        flows.close();
    }

    @Test
    void aSendFromTheBusIsOpenedViewedConsentedAcceptedDownloadedAndEveryStepIsPublished() throws Exception {
        flows.aSendIsWalkedByItsClientAndEveryStepIsPublished();
    }

    @Test
    void anAttachmentSendHasNoLinks() throws Exception {
        flows.anAttachmentSendHasNoLinks();
    }

    @Test
    void aSendWithoutUsableTokensGoesToTheDeadLetterTopicAndStoresNothing() throws Exception {
        flows.aSendWithoutUsableTokensIsDeadLettered();
    }
}
