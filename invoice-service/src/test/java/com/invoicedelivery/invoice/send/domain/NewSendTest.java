package com.invoicedelivery.invoice.send.domain;

import static com.invoicedelivery.invoice.send.domain.SendFixtures.LINKS;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.NOW;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.client;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.email;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.invoice;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import org.junit.jupiter.api.Test;

class NewSendTest {

    @Test
    void aLinkSendGivesEachRecipientItsOwnLinkAndCarriesTheEmailAsWritten() {
        Client client = client(Language.BG, "a@beta.example", "b@beta.example");
        InvoiceEmail email = email(Plan.PAID, false, client, DocumentKind.INVOICE);

        SendDetails details = compose(Plan.PAID, false, client, email).details();

        assertThat(details.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(details.language()).isEqualTo(Language.BG);
        assertThat(details.subject()).isEqualTo(email.subject());
        assertThat(details.message()).isEqualTo(email.message()).contains(SendDetails.LINK_MARKER);
        assertThat(details.linkExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(180)));
        assertThat(details.sender().replyTo()).isEqualTo("office@acme.example");
        assertThat(details.clientName()).isEqualTo("Бета ЕАД");
        assertThat(details.recipients()).extracting(Recipient::email).containsExactly("a@beta.example", "b@beta.example");
        assertThat(details.recipients()).extracting(Recipient::recipientId).doesNotHaveDuplicates();
        assertThat(details.recipients()).extracting(Recipient::linkTokenHash).doesNotHaveDuplicates();
        assertThat(details.recipients()).extracting(TestLinkSeal::tokenOf).doesNotHaveDuplicates();
    }

    @Test
    void theSendKeepsOnlyTheHashesOfTheTokensAndStartsRequested() {
        Client client = client(Language.EN, "a@beta.example");
        NewSend made = compose(Plan.PAID, false, client, email(Plan.PAID, false, client, DocumentKind.INVOICE));

        Send send = made.send();
        Recipient announced = made.details().recipients().get(0);
        assertThat(send.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.recipientId()).isEqualTo(announced.recipientId());
            assertThat(recipient.tokenHash()).isEqualTo(announced.linkTokenHash())
                    .isEqualTo(PersonalLink.hashOf(TestLinkSeal.tokenOf(announced)));
            assertThat(recipient.status()).isEqualTo(SendStatus.REQUESTED);
        });
        assertThat(send.toString()).doesNotContain(TestLinkSeal.tokenOf(announced));
        assertThat(send.status()).isEqualTo(SendStatus.REQUESTED);
        assertThat(send.version()).isZero();
        assertThat(send.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.step()).isEqualTo("REQUESTED");
            assertThat(entry.at()).isEqualTo(NOW);
        });
        assertThat(send.subject()).isEqualTo("Document No. 0000000042 from Акме");
        assertThat(send.language()).isEqualTo(Language.EN);
    }

    @Test
    void theAnnouncedRecipientsCarryTheTokensHashAndTheLinkSealedForItsOwnerNeverTheTokenInClear() {
        Client client = client(Language.EN, "a@beta.example");
        NewSend made = compose(Plan.PAID, false, client, email(Plan.PAID, false, client, DocumentKind.INVOICE));

        Recipient announced = made.details().recipients().get(0);
        String token = TestLinkSeal.tokenOf(announced);
        assertThat(announced.linkToken()).isNull();
        assertThat(announced.linkUrl()).isNull();
        assertThat(announced.sealedLink()).doesNotContain(token);
        assertThat(TestLinkSeal.openLink(announced.sealedLink()).belongsTo("acme", "send-1", announced.recipientId()))
                .isTrue();
        assertThat(made.details().toString()).doesNotContain(token);
    }

    @Test
    void anAttachmentSendHasNoLinks() {
        Client client = client(Language.BG, "a@beta.example");
        SendDetails details = compose(Plan.PAID, true, client, email(Plan.PAID, true, client, DocumentKind.PROFORMA))
                .details();

        assertThat(details.mode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(details.linkExpiresAt()).isNull();
        assertThat(details.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.linkTokenHash()).isNull();
            assertThat(recipient.sealedLink()).isNull();
            assertThat(recipient.linkToken()).isNull();
            assertThat(recipient.linkUrl()).isNull();
        });
        assertThat(details.message()).doesNotContain(SendDetails.LINK_MARKER)
                .contains("Проформа фактурата е приложена към това писмо като PDF файл.");
    }

    @Test
    void theSnapshotCarriesEverythingThePdfPrints() {
        Client client = client(Language.BG, "a@b.example");
        InvoiceSnapshot snapshot = compose(Plan.PAID, false, client, email(Plan.PAID, false, client, DocumentKind.INVOICE))
                .details().invoice();

        assertThat(snapshot.number()).isEqualTo("0000000042");
        assertThat(snapshot.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(snapshot.supplier()).isEqualTo(new Party("Акме ООД", "ул. Витоша 1", "София", "България",
                "201234567", "BG201234567", "Иван Петров"));
        assertThat(snapshot.recipient().name()).isEqualTo("Бета ЕАД");
        assertThat(snapshot.lines()).singleElement().satisfies(line -> {
            assertThat(line.position()).isEqualTo(1);
            assertThat(line.amount()).isEqualTo(new BigDecimal("201.00"));
            assertThat(line.vatRate()).isEqualTo(new BigDecimal("20"));
        });
        assertThat(snapshot.vat()).singleElement().satisfies(vat -> assertThat(vat.vatAmount()).isEqualTo(new BigDecimal("40.20")));
        assertThat(snapshot.taxBase()).isEqualTo(new BigDecimal("201.00"));
        assertThat(snapshot.vatAmount()).isEqualTo(new BigDecimal("40.20"));
        assertThat(snapshot.total()).isEqualTo(new BigDecimal("241.20"));
        assertThat(snapshot.bank().bic()).isEqualTo("STSABGSF");
        assertThat(snapshot.paymentMethod()).isEqualTo("Банков превод");
        assertThat(snapshot.dueDate()).isEqualTo(snapshot.issueDate().plusDays(10));
        assertThat(snapshot.original()).isTrue();
        assertThat(snapshot.notes()).isEqualTo("Благодарим!");
        assertThat(snapshot.currency()).isEqualTo("EUR");
    }

    private static NewSend compose(Plan plan, boolean attach, Client client, InvoiceEmail email) {
        return NewSend.compose("send-1", tenant(plan, attach), client, invoice(DocumentKind.INVOICE), email, LINKS, NOW);
    }
}
