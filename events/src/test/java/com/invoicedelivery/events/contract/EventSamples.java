package com.invoicedelivery.events.contract;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.OptionalField;

/**
 * An instance of any event record, made from its components alone, so that every event type (a new one too) has a
 * sample without anyone writing it: each text is its own path in the record ({@code send.sendId}), which is how the
 * contract finds the field the record key comes from, and each optional field is either filled or null.
 */
public final class EventSamples {

    /** Which fields a sample fills. */
    public enum Fill {
        /** Every field, optional ones too. */
        ALL,
        /** Only the required fields: every optional one is null (or false, 0 for a primitive). */
        REQUIRED_ONLY
    }

    static final Instant AT = Instant.parse("2026-12-07T09:30:00.123Z");
    static final LocalDate DAY = LocalDate.parse("2026-12-07");

    private EventSamples() {
    }

    public static <T> T sample(Class<T> type, Fill fill) {
        return type.cast(value(type, type, "", fill));
    }

    /** The path of the text field whose value {@code event.key()} returns, e.g. {@code send.sendId}. */
    public static String keyField(Class<? extends IntegrationEvent> type) {
        return sample(type, Fill.ALL).key();
    }

    private static Object value(Type generic, Class<?> raw, String path, Fill fill) {
        if (raw == String.class) {
            // an event id is a UUID wherever the platform writes one; every other text names its own path
            return path.endsWith("eventId") ? UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8)).toString()
                    : path;
        }
        if (raw == int.class || raw == Integer.class) {
            return 2;
        }
        if (raw == long.class || raw == Long.class) {
            return 2048L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("12.50");
        }
        if (raw == Instant.class) {
            return AT;
        }
        if (raw == LocalDate.class) {
            return DAY;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value(element, erased(element), path + "[0]", fill));
        }
        if (raw.isRecord()) {
            return record(raw, path, fill);
        }
        throw new IllegalArgumentException("no sample for " + generic + " at " + path);
    }

    private static Object record(Class<?> type, String path, Fill fill) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            types[i] = component.getType();
            String at = path.isEmpty() ? component.getName() : path + "." + component.getName();
            boolean leftOut = fill == Fill.REQUIRED_ONLY && component.isAnnotationPresent(OptionalField.class);
            if (component.getName().equals("schemaVersion") && IntegrationEvent.class.isAssignableFrom(type)) {
                values[i] = EventContract.writtenVersion(type);
            } else if (leftOut) {
                values[i] = absent(component.getType());
            } else {
                values[i] = value(component.getGenericType(), component.getType(), at, fill);
            }
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a sample " + type.getSimpleName(), e);
        }
    }

    /** What a left-out field reads as: null, or a primitive's default (Jackson's too, for an absent field). */
    private static Object absent(Class<?> type) {
        if (type == boolean.class) {
            return Boolean.FALSE;
        }
        if (type == int.class) {
            return Integer.valueOf(0);
        }
        if (type == long.class) {
            return Long.valueOf(0L);
        }
        return null;
    }

    private static Class<?> erased(Type type) {
        return type instanceof ParameterizedType parameterized ? (Class<?>) parameterized.getRawType()
                : (Class<?>) type;
    }
}
