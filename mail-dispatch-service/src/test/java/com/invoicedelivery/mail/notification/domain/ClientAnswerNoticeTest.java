package com.invoicedelivery.mail.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.language.Texts;
import org.junit.jupiter.api.Test;

class ClientAnswerNoticeTest {

    private static final Instant AT = Instant.parse("2026-12-08T12:05:00Z");
    private static final ZoneId SOFIA = ZoneId.of("Europe/Sofia");

    @Test
    void anAcceptIsToldInBulgarianWithTheDocumentTheClientAndTheTimeInTheTenantsZone() {
        ClientAnswerNotice notice = ClientAnswerNotice.of(ClientActivity.ACCEPTED, Language.BG,
                DocumentKind.CREDIT_NOTE, "0000000042", "client@beta.bg", null, AT, SOFIA);

        assertThat(notice.subject()).isEqualTo("Клиентът прие Кредитно известие № 0000000042");
        assertThat(notice.message()).startsWith("Клиентът client@beta.bg прие Кредитно известие № 0000000042 на"
                + " 08.12.2026 14:05.");
    }

    @Test
    void aReturnIsToldInEnglishWithTheReasonAsTheClientWroteItPlaceholdersAndAll() {
        ClientAnswerNotice notice = ClientAnswerNotice.of(ClientActivity.RETURNED, Language.EN, null, "0000000007",
                "client@beta.bg", "  wrong {document} amount \n", AT, SOFIA);

        assertThat(notice.subject()).isEqualTo("The client returned Invoice No. 0000000007");
        assertThat(notice.message()).contains("Reason:\nwrong {document} amount\n");
    }

    @Test
    void onlyAnswersAreNotices() {
        assertThatThrownBy(() -> ClientAnswerNotice.of(ClientActivity.OPENED, Language.EN, null, "1", "c@b.bg", null,
                AT, SOFIA)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothLanguagesHaveTheSameTexts() {
        assertThat(Texts.load(ClientAnswerNotice.BUNDLE, Language.BG).keys()).isNotEmpty()
                .isEqualTo(Texts.load(ClientAnswerNotice.BUNDLE, Language.EN).keys());
    }
}
