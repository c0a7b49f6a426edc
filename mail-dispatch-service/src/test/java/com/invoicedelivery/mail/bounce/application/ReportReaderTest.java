package com.invoicedelivery.mail.bounce.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.mail.bounce.domain.InboundReport;
import org.junit.jupiter.api.Test;

class ReportReaderTest {

    private final ReportReader reader = new ReportReader();

    static byte[] sample(String name) {
        try (InputStream in = ReportReaderTest.class.getResourceAsStream("/com/invoicedelivery/mail/bounce/" + name)) {
            return in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("no sample " + name, e);
        }
    }

    @Test
    void aPostfixDsnForAnUnknownUserIsAHardBounceWithTheRemoteServersWords() {
        InboundReport report = reader.read(sample("postfix-user-unknown.eml")).orElseThrow();

        assertThat(report.reportId()).isEqualTo("<20261206222852.E53B72142CC@mta.postfix.test>");
        assertThat(report.reportingMta()).isEqualTo("mta.postfix.test");
        assertThat(report.originalMessageId()).isEqualTo("<4f1c2d3e-5a6b-4c7d-8e9f-0a1b2c3d4e5f@invoicedelivery.test>");
        assertThat(report.originalReturnPath())
                .isEqualTo("<bounces+abcdefghijklmnopqrstuvwxyz@bounces.invoicedelivery.test>");
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("nobody@example.test");
            assertThat(recipient.originalAddress()).isEqualTo("nobody@example.test");
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.status()).isEqualTo("5.1.1");
            assertThat(recipient.reason()).isEqualTo("550 5.1.1 <nobody@example.test>: Recipient address rejected:"
                    + " User unknown in virtual mailbox table");
        });
    }

    @Test
    void aPostfixDelayNoticeIsASoftBounce() {
        InboundReport report = reader.read(sample("postfix-delayed.eml")).orElseThrow();

        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.kind()).isEqualTo(BounceKind.SOFT);
            assertThat(recipient.status()).isEqualTo("4.4.1");
            assertThat(recipient.reason()).startsWith("connect to 127.0.0.1[127.0.0.1]:2603: Connection refused");
        });
    }

    @Test
    void anOffice365NonDeliveryReportIsReadFromItsDeliveryStatusAndQuotedHeaders() {
        InboundReport report = reader.read(sample("office365-recipient-not-found.eml")).orElseThrow();

        assertThat(report.reportingMta()).isEqualTo("AM0PR01MB1234.eurprd01.prod.exchangelabs.com");
        assertThat(report.originalMessageId()).isEqualTo("<7c0f3a52-2b8e-4d1a-9e6f-55a3c2d1b0e4@invoicedelivery.test>");
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("maria.petrova@contoso.com");
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.status()).isEqualTo("5.1.10");
            assertThat(recipient.reason()).isEqualTo("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient"
                    + " maria.petrova@contoso.com not found by SMTP address lookup");
        });
    }

    @Test
    void aGmailFailureNoticeKeepsItsMultiLineDiagnosticOnOneLine() {
        InboundReport report = reader.read(sample("gmail-no-such-user.eml")).orElseThrow();

        assertThat(report.reportId()).isEqualTo("<6751a2c4.050a0220.3b7f1.9a2eGMR@mx.google.com>");
        assertThat(report.reportingMta()).isEqualTo("googlemail.com");
        assertThat(report.originalMessageId()).isEqualTo("<0d3e8f1a-6b2c-4a9d-8e7f-3c1b5a2d9e60@invoicedelivery.test>");
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("ivan.ivanov.no.such.user@gmail.com");
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.status()).isEqualTo("5.1.1");
            assertThat(recipient.reason()).startsWith("550-5.1.1 The email account that you tried to reach does not"
                    + " exist. Please try 550-5.1.1 double-checking").doesNotContain("\n");
        });
    }

    @Test
    void anArfReportIsAComplaintAboutItsOriginalRecipient() {
        InboundReport report = reader.read(sample("arf-abuse-complaint.eml")).orElseThrow();

        assertThat(report.reportingMta()).isEqualTo("feedback.mailbox.example");
        assertThat(report.originalMessageId()).isEqualTo("<9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d@invoicedelivery.test>");
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("georgi@mailbox.example");
            assertThat(recipient.kind()).isEqualTo(BounceKind.COMPLAINT);
            assertThat(recipient.status()).isNull();
            assertThat(recipient.reason()).isEqualTo("complaint (feedback type abuse, reported by Mailbox-Feedback/1.0)");
        });
    }

    @Test
    void anAutoReplyOrAProseBounceIsNoReport() {
        byte[] outOfOffice = ("From: maria@contoso.com\r\nTo: bounces+abcdefghijklmnopqrstuvwxyz@bounces.test\r\n"
                + "Subject: Out of office\r\nContent-Type: text/plain\r\n\r\nBack on Monday.\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(reader.read(outOfOffice)).isEmpty();
        assertThat(reader.read("not even a header".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }
}
