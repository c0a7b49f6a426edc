package com.invoicedelivery.kit.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.junit.jupiter.api.Test;

class SchemaDescriptionsTest {

    private final StringSchema iban = new StringSchema();

    private OpenAPI documentWithAccount() {
        return new OpenAPI().components(new Components().addSchemas("BankAccount",
                new ObjectSchema().addProperty("iban", iban)));
    }

    @Test
    void aNamedPropertyGetsItsDescription() {
        OpenAPI api = documentWithAccount();

        new SchemaDescriptions(Map.of("BankAccount", Map.of("iban", "The account's IBAN."))).customise(api);

        assertThat(iban.getDescription()).isEqualTo("The account's IBAN.");
    }

    @Test
    void aPropertyTheDocumentNoLongerHasIsAnError() {
        SchemaDescriptions renamed = new SchemaDescriptions(Map.of("BankAccount", Map.of("ibanCode", "The IBAN.")));

        assertThatThrownBy(() -> renamed.customise(documentWithAccount()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ibanCode");
    }

    @Test
    void aSchemaTheDocumentDoesNotHaveIsAnError() {
        SchemaDescriptions unknown = new SchemaDescriptions(Map.of("Account", Map.of("iban", "The IBAN.")));

        assertThatThrownBy(() -> unknown.customise(documentWithAccount()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Account");
    }
}
