package com.invoicedelivery.kit.testing.rulefixtures;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Breaks the configuration and wiring rules on purpose, so {@code ArchitectureRulesTest} sees them fail. */
@Service
public class ValueInjected {

    @Value("${some.field}")
    String field;

    public ValueInjected(@Value("${some.parameter}") String parameter) {
        this.field = parameter;
    }
}
