package com.invoicedelivery.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What a refused JSON input is said to get wrong: the field when it is about a field, the body otherwise. */
class JsonViolationsTest {

    record Body(List<String> recipients, Integer count) {
    }

    private final JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @Test
    void aBodyCutShortIsNotValidJsonWhereverTheParserStopped() {
        assertThat(violation("{\"recipients\":[\"a@b.example\", \"c@")).isEqualTo(
                new FieldViolation("body", "is not valid JSON"));
        assertThat(violation("{\"recipients\":[oops]}")).isEqualTo(new FieldViolation("body", "is not valid JSON"));
    }

    @Test
    void aWrongTypeOrAnUnknownFieldIsNamedByItsPath() {
        assertThat(violation("{\"recipients\":[{\"x\":1}]}"))
                .isEqualTo(new FieldViolation("recipients[0]", "has an invalid value or type"));
        assertThat(violation("{\"count\":99999999999}"))
                .isEqualTo(new FieldViolation("count", "has an invalid value or type"));
        assertThat(violation("{\"colour\":1}")).isEqualTo(new FieldViolation("colour", "is not a known field"));
    }

    private FieldViolation violation(String body) {
        return JsonViolations.of(catchThrowableOfType(JacksonException.class, () -> json.readValue(body, Body.class)));
    }
}
