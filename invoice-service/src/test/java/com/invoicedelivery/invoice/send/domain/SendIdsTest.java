package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import org.junit.jupiter.api.Test;

class SendIdsTest {

    @Test
    void withAKeyTheSameTenantKeyAndInvoiceGiveTheSameSendAndAnythingElseAnother() {
        String id = SendIds.derived("acme", "key-1").forInvoice("i1");

        assertThat(SendIds.derived("acme", "key-1").forInvoice("i1")).isEqualTo(id);
        assertThat(SendIds.derived("acme", "key-1").forInvoice("i2")).isNotEqualTo(id);
        assertThat(SendIds.derived("acme", "key-2").forInvoice("i1")).isNotEqualTo(id);
        assertThat(SendIds.derived("other", "key-1").forInvoice("i1")).isNotEqualTo(id);
    }

    @Test
    void withoutAKeyEverySendIsNew() {
        assertThat(SendIds.random().forInvoice("i1")).isNotEqualTo(SendIds.random().forInvoice("i1"));
    }

    @Test
    void anEventMakesOneSend() {
        assertThat(SendIds.forEvent("acme", "link-renewal", "e1")).isEqualTo(SendIds.forEvent("acme", "link-renewal", "e1"))
                .isNotEqualTo(SendIds.forEvent("acme", "link-renewal", "e2"));
    }

    @Test
    void theKeyIsShortPrintableText() {
        assertThat(IdempotencyKey.validated(null)).isNull();
        assertThat(IdempotencyKey.validated("bulk-e2e-1")).isEqualTo("bulk-e2e-1");
        assertThatThrownBy(() -> IdempotencyKey.validated(" ")).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> IdempotencyKey.validated("k".repeat(201))).isInstanceOf(RuleViolationException.class);
        assertThatThrownBy(() -> IdempotencyKey.validated("a\u0000b")).isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Idempotency-Key");
    }
}
