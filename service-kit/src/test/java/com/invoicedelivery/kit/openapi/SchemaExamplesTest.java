package com.invoicedelivery.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.junit.jupiter.api.Test;

class SchemaExamplesTest {

    private final StringSchema iban = new StringSchema();
    private final ArraySchema emails = new ArraySchema().items(new StringSchema());

    private OpenAPI documentWithAccount() {
        return new OpenAPI().components(new Components().addSchemas("BankAccount",
                new ObjectSchema().addProperty("iban", iban).addProperty("emails", emails)));
    }

    @Test
    void aNamedPropertyGetsItsExample() {
        OpenAPI api = documentWithAccount();

        new SchemaExamples(Map.of("BankAccount", Map.of("iban", "BG80BNBG96611020345678",
                "emails", List.of("office@acme.example")))).customise(api);

        assertThat(iban.getExample()).isEqualTo("BG80BNBG96611020345678");
        assertThat(emails.getExample()).isEqualTo(List.of("office@acme.example"));
    }

    @Test
    void aPropertyTheDocumentNoLongerHasIsAnError() {
        SchemaExamples renamed = new SchemaExamples(Map.of("BankAccount", Map.of("ibanCode", "BG80")));

        assertThatThrownBy(() -> renamed.customise(documentWithAccount()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ibanCode");
    }

    @Test
    void aSchemaTheDocumentDoesNotHaveIsAnError() {
        SchemaExamples unknown = new SchemaExamples(Map.of("Account", Map.of("iban", "BG80")));

        assertThatThrownBy(() -> unknown.customise(documentWithAccount()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Account");
    }
}
