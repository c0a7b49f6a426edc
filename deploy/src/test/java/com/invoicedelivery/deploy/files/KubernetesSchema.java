package com.invoicedelivery.deploy.files;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads a manifest into the Kubernetes API's own typed model (fabric8), so a field the API does not have, or a value
 * of the wrong type, is an error here rather than at {@code kubectl apply} time (or, worse, silently dropped by a
 * lenient apply). The model keeps unknown fields in each object's {@code additionalProperties} instead of refusing
 * them, so after reading, every object of the tree is walked and any such field reported. Strimzi's
 * {@code KafkaTopic} is not in that model: its spec is read into {@link KafkaTopicSpec}, the fields of Strimzi's
 * schema that the platform uses, refusing any other.
 */
final class KubernetesSchema {

    /** The kinds the platform's manifests may have, by apiVersion and kind; any other is refused. */
    private static final Map<String, Class<?>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    static final String KAFKA_TOPIC = "kafka.strimzi.io/v1beta2/KafkaTopic";

    static final ObjectMapper YAML = YAMLMapper.builder().build();

    /** Strimzi's KafkaTopic spec (kafka.strimzi.io/v1beta2): unknown fields are refused. */
    record KafkaTopicSpec(String topicName, Integer partitions, Integer replicas, Map<String, Object> config) {
    }

    /** A KafkaTopic as read: its name and spec. */
    record KafkaTopic(String name, Map<String, String> labels, KafkaTopicSpec spec) {
    }

    /** One YAML document of a file, read and checked: the typed object, or the problems found. */
    record Document(String source, Object resource, List<String> problems) {
    }

    private KubernetesSchema() {
    }

    /** Every document of a multi-document YAML text, each read into its kind's model. */
    static List<Document> read(String source, String yaml) {
        List<Document> documents = new ArrayList<>();
        List<JsonNode> nodes;
        try {
            nodes = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
        } catch (JacksonException e) {
            return List.of(new Document(source, null, List.of("not YAML: " + e.getOriginalMessage())));
        }
        int index = 0;
        for (JsonNode node : nodes) {
            index++;
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            documents.add(readOne(source + "#" + index, node));
        }
        return documents;
    }

    private static Document readOne(String source, JsonNode node) {
        String type = node.path("apiVersion").asString("") + "/" + node.path("kind").asString("");
        if (type.equals(KAFKA_TOPIC)) {
            return readKafkaTopic(source, node);
        }
        Class<?> kind = KINDS.get(type);
        if (kind == null) {
            return new Document(source, null, List.of("unknown apiVersion/kind " + type));
        }
        Object resource;
        try {
            resource = YAML.treeToValue(node, kind);
        } catch (JacksonException e) {
            return new Document(source, null, List.of(type + ": " + e.getOriginalMessage() + " at " + e.getPathReference()));
        }
        List<String> problems = new ArrayList<>();
        String name = resource instanceof HasMetadata hasMetadata && hasMetadata.getMetadata() != null
                ? hasMetadata.getMetadata().getName() : null;
        if (name == null || name.isBlank()) {
            problems.add(type + ": no metadata.name");
        }
        unknownFields(resource, type + " " + name, problems);
        return new Document(source, resource, problems);
    }

    private static Document readKafkaTopic(String source, JsonNode node) {
        List<String> problems = new ArrayList<>();
        for (var field : node.propertyNames()) {
            if (!List.of("apiVersion", "kind", "metadata", "spec").contains(field)) {
                problems.add("KafkaTopic: unknown field " + field);
            }
        }
        try {
            KafkaTopicSpec spec = YAML.readerFor(KafkaTopicSpec.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(node.path("spec"));
            String name = node.path("metadata").path("name").asString("");
            @SuppressWarnings("unchecked")
            Map<String, String> labels = YAML.treeToValue(node.path("metadata").path("labels"), Map.class);
            return new Document(source, new KafkaTopic(name, labels == null ? Map.of() : labels, spec), problems);
        } catch (JacksonException e) {
            problems.add("KafkaTopic: " + e.getOriginalMessage() + " at " + e.getPathReference());
            return new Document(source, null, problems);
        }
    }

    /**
     * Walks the model's object tree (its getters) and reports each object's additionalProperties: the fields the
     * model did not know.
     */
    private static void unknownFields(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> unknownFields(value, path + "." + key, problems));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;  // a derived value (e.g. a Quantity's numerical amount), not a field of the manifest
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            unknownFields(value, path + "." + field, problems);
        }
    }
}
