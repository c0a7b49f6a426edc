package com.invoicedelivery.events.contract;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.module.jackson.JacksonSchemaModule;
import com.invoicedelivery.events.Description;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.OptionalField;
import com.invoicedelivery.events.SchemaVersions;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schema (draft-07, which AsyncAPI's own schema format extends) of each event, derived from its record by the
 * victools generator and its Jackson module, so the names are the ones Jackson writes. What the records alone cannot
 * say comes from this module's annotations: {@link Description} and {@link OptionalField} (every other field is
 * required: present and not null). Besides:
 * <ul>
 *   <li>{@code schemaVersion} lists the major versions this release reads ({@link SchemaVersions});</li>
 *   <li>{@code eventId} is a UUID where a service of the platform writes the event;</li>
 *   <li>times are {@code date-time}, days {@code date}, amounts numbers, enums their names;</li>
 *   <li>internal events allow fields the schema does not name (consumers are tolerant readers, and a newer minor
 *       version adds optional fields); external input (the import topic) is read strictly, so its schema forbids
 *       them.</li>
 * </ul>
 */
public final class EventSchemas {

    private final SchemaGenerator generator;

    public EventSchemas() {
        Set<Class<?>> strict = strictTypes();
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_7,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonSchemaModule())
                .with(Option.STANDARD_FORMATS, Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.PLAIN_DEFINITION_KEYS,
                        Option.FLATTENED_ENUMS);
        config.forFields()
                .withRequiredCheck(field -> !optional(field))
                .withNullableCheck(EventSchemas::optional)
                .withDescriptionResolver(EventSchemas::describe)
                .withEnumResolver(EventSchemas::schemaVersions)
                .withStringFormatResolver(field -> field.getName().equals("eventId")
                        && isWrittenByThePlatform(field.getDeclaringType().getErasedType()) ? "uuid" : null);
        config.forTypesInGeneral()
                // a record's fields in the order it declares them, as Jackson writes them
                .withPropertySorter(EventSchemas::inDeclarationOrder)
                .withTitleResolver(type -> isOwnType(type) ? title(type.getType().getErasedType()) : null)
                .withDescriptionResolver(EventSchemas::describe)
                .withAdditionalPropertiesResolver(type -> type.getType().getErasedType().isRecord()
                        && strict.contains(type.getType().getErasedType()) ? Void.class : null);
        generator = new SchemaGenerator(config.build());
    }

    /** The schema of one event: self-contained (its value types under {@code definitions}). */
    public ObjectNode schemaOf(Class<? extends IntegrationEvent> event) {
        ObjectNode generated = generator.generateSchema(event);
        ObjectNode schema = generated.objectNode();
        schema.set("$schema", generated.get("$schema"));
        schema.put("$id", "https://invoicedelivery.com/schemas/events/" + event.getSimpleName() + ".json");
        for (String first : List.of("title", "description", "type")) {
            schema.set(first, generated.get(first));
        }
        generated.properties().forEach(entry -> {
            if (!schema.has(entry.getKey())) {
                schema.set(entry.getKey(), entry.getValue());
            }
        });
        return schema;
    }

    private static int inDeclarationOrder(MemberScope<?, ?> one, MemberScope<?, ?> other) {
        return Integer.compare(position(one), position(other));
    }

    private static int position(MemberScope<?, ?> member) {
        Class<?> type = member.getDeclaringType().getErasedType();
        RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(member.getName())) {
                return i;
            }
        }
        return components.length;
    }

    /** Types read strictly: what only external input carries. */
    static Set<Class<?>> strictTypes() {
        Set<Class<?>> strict = new LinkedHashSet<>();
        Set<Class<?>> tolerant = new LinkedHashSet<>();
        for (EventContract.Channel channel : EventContract.CHANNELS) {
            (channel.externalInput() ? strict : tolerant).addAll(EventContract.reachable(channel.event()));
        }
        Set<Class<?>> both = strict.stream().filter(tolerant::contains).filter(Class::isRecord)
                .collect(Collectors.toSet());
        if (!both.isEmpty()) {
            // one definition cannot be strict in one event and tolerant in another
            throw new IllegalStateException("read strictly and tolerantly alike: " + both);
        }
        return strict;
    }

    static boolean optional(FieldScope field) {
        Field raw = field.getRawMember();
        return raw.isAnnotationPresent(OptionalField.class);
    }

    private static String describe(FieldScope field) {
        Description own = field.getRawMember().getAnnotation(Description.class);
        String text = own == null ? inherited(field) : own.value();
        if (isSchemaVersion(field)) {
            Class<?> event = field.getDeclaringType().getErasedType();
            text = text + " Producers write " + EventContract.writtenVersion(event) + "; this release reads "
                    + new TreeSet<>(SchemaVersions.readable(event)) + ".";
        }
        return text;
    }

    /** The common fields of every event are described once, on {@link IntegrationEvent}. */
    private static String inherited(FieldScope field) {
        if (!IntegrationEvent.class.isAssignableFrom(field.getDeclaringType().getErasedType())) {
            return null;
        }
        try {
            Description described = IntegrationEvent.class.getMethod(field.getName()).getAnnotation(Description.class);
            return described == null ? null : described.value();
        } catch (NoSuchMethodException notCommon) {
            return null;
        }
    }

    private static Collection<?> schemaVersions(FieldScope field) {
        return isSchemaVersion(field)
                ? new TreeSet<>(SchemaVersions.readable(field.getDeclaringType().getErasedType())) : null;
    }

    private static boolean isSchemaVersion(FieldScope field) {
        return field.getName().equals("schemaVersion")
                && IntegrationEvent.class.isAssignableFrom(field.getDeclaringType().getErasedType());
    }

    private static boolean isWrittenByThePlatform(Class<?> type) {
        return IntegrationEvent.class.isAssignableFrom(type) && !EventContract.channelOf(type).externalInput();
    }

    private static boolean isOwnType(TypeScope type) {
        Class<?> erased = type.getType().getErasedType();
        return (erased.isRecord() || erased.isEnum()) && erased.getPackageName().startsWith("com.invoicedelivery.");
    }

    private static String title(Class<?> type) {
        return type.getSimpleName();
    }

    /** A type's description; an enum's lists what each of its names means. */
    private static String describe(TypeScope scope) {
        Class<?> type = scope.getType().getErasedType();
        Description described = type.getAnnotation(Description.class);
        if (described == null || !isOwnType(scope)) {
            return null;
        }
        if (!type.isEnum()) {
            return described.value();
        }
        String names = Arrays.stream(type.getFields()).filter(Field::isEnumConstant)
                .filter(constant -> constant.isAnnotationPresent(Description.class))
                .map(constant -> constant.getName() + ": " + constant.getAnnotation(Description.class).value())
                .collect(Collectors.joining(" "));
        return names.isEmpty() ? described.value() : described.value() + " " + names;
    }
}
