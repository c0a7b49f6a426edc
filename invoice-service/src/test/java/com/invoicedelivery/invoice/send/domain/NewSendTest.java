package com.invoicedelivery.invoice.send.domain;

import static com.invoicedelivery.invoice.send.domain.SendFixtures.LINKS;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.NOW;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.client;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.invoice;
import static com.invoicedelivery.invoice.send.domain.SendFixtures.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import org.junit.jupiter.api.Test;

class NewSendTest {

    @Test
    void byDefaultTheInvoiceGoesAsALinkToTheClientsAddressesInTheClientsLanguage() {
        NewSend made = NewSend.compose("send-1", tenant(Plan.PAID, false),
                client(Language.BG, "a@beta.example", "b@beta.example"), invoice(DocumentKind.INVOICE),
                SendOptions.defaults(), LINKS, NOW);

        SendDetails details = made.details();
        assertThat(details.mode()).isEqualTo(DeliveryMode.LINK);
        assertThat(details.language()).isEqualTo(Language.BG);
        assertThat(details.subject()).isEqualTo("Фактура № 0000000042 от Акме");
        assertThat(details.message()).contains("Акме ви изпрати фактура № 0000000042 от 28.11.2026 на стойност 241,20 EUR")
                .contains("\n" + SendDetails.LINK_MARKER + "\n");
        assertThat(details.linkExpiresAt()).isEqualTo(NOW.plus(Duration.ofDays(180)));
        assertThat(details.sender().replyTo()).isEqualTo("office@acme.example");
        assertThat(details.clientName()).isEqualTo("Бета ЕАД");
        assertThat(details.recipients()).extracting(Recipient::email).containsExactly("a@beta.example", "b@beta.example");
        assertThat(details.recipients()).extracting(Recipient::recipientId).doesNotHaveDuplicates();
        assertThat(details.recipients()).extracting(Recipient::linkToken).doesNotHaveDuplicates();
    }

    @Test
    void theSendKeepsOnlyTheHashesOfTheTokensAndStartsRequested() {
        NewSend made = NewSend.compose("send-1", tenant(Plan.PAID, false), client(Language.EN, "a@beta.example"),
                invoice(DocumentKind.INVOICE), SendOptions.defaults(), LINKS, NOW);

        Send send = made.send();
        Recipient announced = made.details().recipients().get(0);
        assertThat(send.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.recipientId()).isEqualTo(announced.recipientId());
            assertThat(recipient.tokenHash()).isEqualTo(PersonalLink.hashOf(announced.linkToken()));
            assertThat(recipient.status()).isEqualTo(SendStatus.REQUESTED);
        });
        assertThat(send.toString()).doesNotContain(announced.linkToken());
        assertThat(send.status()).isEqualTo(SendStatus.REQUESTED);
        assertThat(send.version()).isZero();
        assertThat(send.timeline()).singleElement().satisfies(entry -> {
            assertThat(entry.step()).isEqualTo("REQUESTED");
            assertThat(entry.at()).isEqualTo(NOW);
        });
        assertThat(send.subject()).isEqualTo("Invoice No. 0000000042 from Акме");
        assertThat(send.message()).contains("Акме has sent you invoice No. 0000000042 dated 28 November 2026 for EUR 241.20");
    }

    @Test
    void theUsersChoicesWinOverTheDefaults() {
        SendOptions chosen = new SendOptions(List.of("x@y.example", "X@Y.example", "z@y.example"), "Моята тема",
                "Моето писмо {link}", Language.EN).validated();

        SendDetails details = NewSend.compose("send-1", tenant(Plan.PAID, false), client(Language.BG, "a@beta.example"),
                invoice(DocumentKind.CREDIT_NOTE), chosen, LINKS, NOW).details();

        assertThat(details.recipients()).extracting(Recipient::email).containsExactly("x@y.example", "z@y.example");
        assertThat(details.subject()).isEqualTo("Моята тема");
        assertThat(details.message()).isEqualTo("Моето писмо {link}");
        assertThat(details.language()).isEqualTo(Language.EN);
    }

    @Test
    void aPaidTenantThatAttachesInvoicesSendsNoLinks() {
        SendDetails details = NewSend.compose("send-1", tenant(Plan.PAID, true), client(Language.BG, "a@beta.example"),
                invoice(DocumentKind.PROFORMA), SendOptions.defaults(), LINKS, NOW).details();

        assertThat(details.mode()).isEqualTo(DeliveryMode.ATTACHMENT);
        assertThat(details.linkExpiresAt()).isNull();
        assertThat(details.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.linkToken()).isNull();
            assertThat(recipient.linkUrl()).isNull();
        });
        assertThat(details.subject()).isEqualTo("Проформа фактура № 0000000042 от Акме");
        assertThat(details.message()).doesNotContain(SendDetails.LINK_MARKER).contains("приложен");
    }

    @Test
    void theSnapshotCarriesEverythingThePdfPrints() {
        InvoiceSnapshot snapshot = NewSend.compose("send-1", tenant(Plan.PAID, false), client(Language.BG, "a@b.example"),
                invoice(DocumentKind.INVOICE), SendOptions.defaults(), LINKS, NOW).details().invoice();

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
}
