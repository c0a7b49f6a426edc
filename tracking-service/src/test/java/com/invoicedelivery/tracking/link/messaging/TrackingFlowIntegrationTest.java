package com.invoicedelivery.tracking.link.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.stream.config.BindingServiceProperties;
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
    @Autowired
    MeterRegistry meters;
    @Autowired
    BindingServiceProperties bindings;

    private LinkFlows flows;

    @BeforeEach
    void connect() {
        flows = new LinkFlows(brokers, port, json, links, mongo, PDF_SERVICE, meters);
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
    void aRecordOfTheOldVersionWithTheTokenInClearStillMakesItsLinkUnderTheTokensHash() throws Exception {
        flows.aRecordOfTheOldVersionWithTheTokenInClearStillMakesItsLink();
    }

    @Test
    void aRecordOfAnUnknownSchemaVersionGoesToTheDeadLetterTopicNamingTheVersion() throws Exception {
        flows.aRecordOfAnUnknownVersionIsDeadLettered();
    }

    @Test
    void recordsOfANewerMinorVersionAreReadAndOnesOfAnUnknownMajorVersionAreDeadLetteredSayingSo() throws Exception {
        flows.recordsOfANewerMinorVersionAreReadAndOnesOfAnUnknownMajorVersionAreDeadLettered();
    }

    @Test
    void anEventNamingAnotherTenantForAnExistingLinkChangesNothingAndIsDeadLettered() throws Exception {
        flows.anEventNamingAnotherTenantForAnExistingLinkChangesNothingAndIsDeadLettered();
    }

    @Test
    void aSendWithoutUsableTokensGoesStraightToTheDeadLetterTopicWithoutRetriesAndStoresNothing() throws Exception {
        assertThat(bindings.getBindingProperties("sendRequested-in-0").getConsumer().getRetryableExceptions())
                .as("no retry can mend a send without usable tokens").containsEntry(MalformedRecordException.class, false);

        String sendId = flows.aSendWithoutUsableTokensIsDeadLettered();

        // handled once: retried, it would have been handed over max-attempts (3) times before the dead-letter topic
        verify(registration, times(1)).register(argThat(event -> sendId.equals(event.send().sendId())));
    }
}
