package com.invoicedelivery.kit.config;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON input is read as written, on the API and on Kafka alike: a key given twice is refused (which of the two
 * counts would be a guess), a number or a boolean is not a text ({@code "name": 1}), and a text with a lone UTF-16
 * surrogate ({@code "\ud800"}) is refused rather than stored as U+FFFD. Each refusal is a Jackson error with the
 * field's path, which the API answers as a 400 naming the field.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonMapperBuilderCustomizer customizer() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .addModule(new SimpleModule("strict-text").addDeserializer(String.class, new WholeTextDeserializer()));
    }

    /** Jackson's own text deserializer, refusing a text that is not well-formed UTF-16. */
    static final class WholeTextDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = super.deserialize(p, ctxt);
            if (text != null && hasLoneSurrogate(text)) {
                return (String) ctxt.handleWeirdStringValue(String.class, text, "has a lone UTF-16 surrogate");
            }
            return text;
        }
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
