package com.invoicedelivery.invoice.template.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.Violations;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void everyPlaceholderOfTheContractIsKnown() {
        assertThat(Placeholders.ALL).containsExactly("invoiceNumber", "issueDate", "dueDate", "total", "tenantName",
                "clientName", "link");
        assertThat(Placeholders.unknownIn("{invoiceNumber} {issueDate} {dueDate} {total} {tenantName} {clientName}"
                + " {link}")).isEmpty();
    }

    @Test
    void anythingElseWrittenLikeAPlaceholderIsUnknownButOtherBracesAreText() {
        assertThat(Placeholders.unknownIn("{Document} № {invoiceNumber}, {total2} {total2} {client_name}"))
                .containsExactly("{Document}", "{total2}", "{client_name}");
        assertThat(Placeholders.unknownIn("{ } {} {42} { link } {{")).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsAViolationOfItsFieldThatNamesItAndTheKnownOnes() {
        Violations violations = new Violations();

        Placeholders.check("Фактура {number}", "subject", violations.element("invoices", 2));

        assertThat(violations.list()).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("invoices[2].subject");
            assertThat(violation.message()).contains("{number}").contains("{invoiceNumber}").contains("{link}");
        });
    }

    @Test
    void fillingIsOnePassSoValuesThatLookLikePlaceholdersStay() {
        String filled = Placeholders.fill("{tenantName}: {invoiceNumber} {link} {unknown}",
                Map.of("tenantName", "$ {invoiceNumber} \\ Акме", "invoiceNumber", "0000000042", "link", "{link}"));

        assertThat(filled).isEqualTo("$ {invoiceNumber} \\ Акме: 0000000042 {link} {unknown}");
    }

    @Test
    void noViolationForKnownPlaceholders() {
        Violations violations = new Violations();
        Placeholders.check("Здравейте, {clientName}! {link}", "message", violations);
        assertThat(violations.list()).extracting(RuleViolation::field).isEmpty();
    }
}
