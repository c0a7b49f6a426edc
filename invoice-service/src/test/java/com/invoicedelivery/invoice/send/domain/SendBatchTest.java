package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class SendBatchTest {

    @Test
    void everyBrokenRuleIsNamedByItsItemSoTheWholeBatchIsRefused() {
        List<SendBatch.Item> items = new ArrayList<>();
        items.add(item("i1", new SendOptions(List.of("ok@b.bg", "bad"), null, null, null)));
        items.add(item(" ", SendOptions.defaults()));
        items.add(null);
        items.add(item("i4", new SendOptions(List.of(), "Тема {nope}", null, null)));
        items.add(item("i1", SendOptions.defaults()));

        assertThat(fields(new SendBatch(items))).containsExactly("invoices[0].recipients[1]", "invoices[1].invoiceId",
                "invoices[2]", "invoices[3].recipients", "invoices[3].subject", "invoices[4].invoiceId");
    }

    @Test
    void aBatchHoldsOneToTwoHundredInvoices() {
        assertThat(fields(new SendBatch(List.of()))).containsExactly("invoices");
        assertThat(fields(new SendBatch(null))).containsExactly("invoices");
        List<SendBatch.Item> tooMany = new ArrayList<>();
        for (int i = 0; i <= SendBatch.MAX_INVOICES; i++) {
            tooMany.add(item("i" + i, SendOptions.defaults()));
        }

        LimitExceededException refused = catchThrowableOfType(LimitExceededException.class,
                new SendBatch(tooMany)::validated);

        assertThat(refused.limit()).isEqualTo(200);
        assertThat(refused.exceeded().field()).isEqualTo("invoices");
    }

    @Test
    void aLimitOfOneItemIsNamedWithItsPath() {
        LimitExceededException refused = catchThrowableOfType(LimitExceededException.class, new SendBatch(List.of(
                item("i1", SendOptions.defaults()),
                item("i2", new SendOptions(Collections.nCopies(21, "a@b.bg"), null, null, null))))::validated);

        assertThat(refused.exceeded().field()).isEqualTo("invoices[1].recipients");
        assertThat(refused.limit()).isEqualTo(20);
    }

    @Test
    void theSameRequestHasTheSameFingerprintAndAnyChangeAnother() {
        SendBatch batch = new SendBatch(List.of(item("i1", new SendOptions(List.of("a@b.bg"), "Тема", null, Language.EN))));

        String fingerprint = batch.addTo(RequestFingerprint.of("bulk-send")).hex();

        assertThat(new SendBatch(List.of(item("i1", new SendOptions(List.of("a@b.bg"), "Тема", null, Language.EN))))
                .addTo(RequestFingerprint.of("bulk-send")).hex()).isEqualTo(fingerprint);
        assertThat(new SendBatch(List.of(item("i1", new SendOptions(List.of("a@b.bg"), "Тема", null, Language.BG))))
                .addTo(RequestFingerprint.of("bulk-send")).hex()).isNotEqualTo(fingerprint);
        assertThat(new SendBatch(List.of(item("i1", new SendOptions(List.of("a@b.bg"), null, "Тема", Language.EN))))
                .addTo(RequestFingerprint.of("bulk-send")).hex()).isNotEqualTo(fingerprint);
        assertThat(batch.addTo(RequestFingerprint.of("send")).hex()).isNotEqualTo(fingerprint);
    }

    private static SendBatch.Item item(String invoiceId, SendOptions options) {
        return new SendBatch.Item(invoiceId, options);
    }

    private static List<String> fields(SendBatch batch) {
        return catchThrowableOfType(RuleViolationException.class, batch::validated).violations().stream()
                .map(RuleViolation::field).toList();
    }
}
