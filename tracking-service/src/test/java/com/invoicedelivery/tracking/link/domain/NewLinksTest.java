package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.tracking.TestSends;
import org.junit.jupiter.api.Test;

class NewLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void aLinkSendGetsOneLinkPerRecipientKeyedByTheTokensHash() {
        String first = TestSends.newToken();
        String second = TestSends.newToken();
        Instant expiry = Instant.parse("2027-05-27T10:00:00Z");
        SendDetails send = TestSends.linkSend(Language.EN, expiry,
                TestSends.recipient(" Buyer@Example.COM ", first), TestSends.recipient("boss@example.com", second));

        List<Link> links = NewLinks.forSend("acme", send, false, NOW);

        assertThat(links).hasSize(2);
        Link link = links.get(0);
        assertThat(link.id()).isEqualTo(LinkToken.parse(first).orElseThrow().hash()).isNotEqualTo(first);
        assertThat(link.email()).isEqualTo("buyer@example.com");
        assertThat(link.tenantId()).isEqualTo("acme");
        assertThat(link.sendId()).isEqualTo(send.sendId());
        assertThat(link.invoiceId()).isEqualTo(send.invoiceId());
        assertThat(link.recipientId()).isEqualTo(send.recipients().get(0).recipientId());
        assertThat(link.language()).isEqualTo(Language.EN);
        assertThat(link.tenantName()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(link.invoice()).isEqualTo(send.invoice());
        assertThat(link.createdAt()).isEqualTo(NOW);
        assertThat(link.expiresAt()).isEqualTo(expiry);
        assertThat(link.outcome()).isNull();
        assertThat(link.document()).isNull();
        assertThat(link.history()).isEmpty();
        assertThat(links.get(1).id()).isEqualTo(LinkToken.parse(second).orElseThrow().hash());
    }

    @Test
    void aLinkSendWithoutAnExpiryIsInvalidBecauseOnlyInvoiceServiceDecidesHowLongLinksWork() {
        SendDetails send = TestSends.linkSend(Language.BG, null, TestSends.recipient("a@example.com", TestSends.newToken()));

        assertThatThrownBy(() -> NewLinks.forSend("acme", send, false, NOW))
                .isInstanceOf(InvalidLinkRequestException.class)
                .hasMessageContaining(send.sendId())
                .hasMessageContaining("no link expiry");
    }

    @Test
    void anAttachmentSendHasNoLinks() {
        SendDetails send = TestSends.send(DeliveryMode.ATTACHMENT, Language.BG, null,
                TestSends.recipient("a@example.com", null));

        assertThat(NewLinks.forSend("acme", send, false, NOW)).isEmpty();
    }

    @Test
    void theLinkIsKeptUnderTheHashTheSendCarriesWithoutTheTokenEverReachingThisService() {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.EN, TestSends.usualExpiry(),
                TestSends.recipient("a@example.com", token));

        assertThat(send.recipients().get(0).toString()).doesNotContain(token);
        assertThat(send.toString()).doesNotContain(token);
        assertThat(NewLinks.forSend("acme", send, false, NOW)).singleElement()
                .satisfies(link -> assertThat(link.id()).isEqualTo(send.recipients().get(0).linkTokenHash())
                        .isEqualTo(LinkToken.parse(token).orElseThrow().hash()));
    }

    @Test
    void aRecordOfTheOldVersionWithTheTokenInClearStillMakesItsLinkUnderTheTokensHash() {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.EN, TestSends.usualExpiry(),
                TestSends.clearRecipient("a@example.com", token));

        assertThat(NewLinks.forSend("acme", send, true, NOW)).singleElement()
                .satisfies(link -> assertThat(link.id()).isEqualTo(LinkToken.parse(token).orElseThrow().hash()));
    }

    @Test
    void aLinkRecipientWithoutAUsableTokenHashMakesTheSendInvalid() {
        for (String notAHash : new String[] {null, "too-short", "A".repeat(64), "g".repeat(64)}) {
            SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                    TestSends.recipientWithHash("a@example.com", notAHash));

            assertThatThrownBy(() -> NewLinks.forSend("acme", send, false, NOW))
                    .isInstanceOf(InvalidLinkRequestException.class)
                    .hasMessageContaining(send.sendId())
                    .hasMessageContaining("no valid link token hash");
        }
    }

    @Test
    void anOldVersionRecipientWithoutAUsableTokenMakesTheSendInvalid() {
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.clearRecipient("a@example.com", "too-short"));

        assertThatThrownBy(() -> NewLinks.forSend("acme", send, true, NOW))
                .isInstanceOf(InvalidLinkRequestException.class)
                .hasMessageContaining(send.sendId())
                .hasMessageNotContaining("too-short");
    }
}
