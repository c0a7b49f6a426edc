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

    /** Captured from Exchange Online (sisimai's email-office365-04.eml; README next to the sample). */
    @Test
    void anExchangeOnlineNonDeliveryReportIsAHardBounceWithTheRemoteServersWordsDespiteItsExtraPartHeaders() {
        InboundReport report = reader.read(sample("email-office365-04.eml")).orElseThrow();

        assertThat(report.reportId())
                .isEqualTo("<267295c3-c241-44d7-a5b0-202dff1de5b6@SG2APC01HT247.mail.protection.outlook.com>");
        // "dns;host" without a space, as Exchange writes it
        assertThat(report.reportingMta()).isEqualTo("SG2APC01HT247.mail.protection.outlook.com");
        assertThat(report.originalMessageId())
                .isEqualTo("<SLXP216MB0381A8F03A83505296890D11A9950@SLXP216MB0381.KORP216.PROD.OUTLOOK.COM>");
        // Exchange quotes the e-mail without its Return-Path
        assertThat(report.originalReturnPath()).isNull();
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp");
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.status()).isEqualTo("5.1.351");
            assertThat(recipient.reason()).isEqualTo("550 5.1.351 Remote server returned unknown recipient or mailbox"
                    + " unavailable -> 550 : User unknown");
        });
    }

    /** Captured from Google's mail servers (sisimai's email-gsuite-12.eml; README next to the sample). */
    @Test
    void aGoogleFailureNoticeIsReadPastItsHtmlAndImagePartsAndKeepsItsMultiLineDiagnosticOnOneLine() {
        InboundReport report = reader.read(sample("email-gsuite-12.eml")).orElseThrow();

        assertThat(report.reportId()).isEqualTo("<00000000.22222222.eeeef.0000.NEKO@mx.google.com>");
        assertThat(report.reportingMta()).isEqualTo("googlemail.com");
        assertThat(report.originalMessageId()).isEqualTo("<160000000000.2022.837987497898796986@NEKO-NYAAN-22>");
        assertThat(report.originalReturnPath()).isEqualTo("<sironeko@example.net>");
        assertThat(report.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("kijitora@example.com");
            // a permanent refusal (5.0.0, the group's spam filter): a hard bounce by the rules of "Bounces"
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.status()).isEqualTo("5.0.0");
            assertThat(recipient.reason()).startsWith("Your email to group kijitora@example.com was rejected due to"
                    + " spam classification. To address this issue: * Contact the owner of the group")
                    .endsWith("https://support.google.com/a/answer/168383.").doesNotContain("\n");
        });
    }

    @Test
    void aReportQuotingOnlyTheHeadersOfTheEmailReadsItsMessageIdFromThem() {
        byte[] report = ("""
                From: MAILER-DAEMON@mx.example\r
                Message-ID: <report-1@mx.example>\r
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"\r
                \r
                --b\r
                Content-Type: message/delivery-status\r
                \r
                Reporting-MTA: dns; mx.example\r
                \r
                Final-Recipient: rfc822; nobody@example.test\r
                Action: failed\r
                Status: 5.1.1\r
                \r
                --b\r
                Content-Type: text/rfc822-headers\r
                \r
                Return-Path: <bounces+abcdefghijklmnopqrstuvwxyz@bounces.test>\r
                Message-ID: <quoted-1@invoicedelivery.test>\r
                \r
                --b--\r
                """).getBytes(StandardCharsets.US_ASCII);

        InboundReport read = reader.read(report).orElseThrow();

        assertThat(read.originalMessageId()).isEqualTo("<quoted-1@invoicedelivery.test>");
        assertThat(read.originalReturnPath()).isEqualTo("<bounces+abcdefghijklmnopqrstuvwxyz@bounces.test>");
        assertThat(read.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.kind()).isEqualTo(BounceKind.HARD);
            assertThat(recipient.reason()).isEqualTo("status 5.1.1");
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
