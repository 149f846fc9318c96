package io.aimsledger.systemtests.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/**
 * Checks a rendered Kubernetes object against its type: the API's own types through the fabric8 model
 * (what does not bind is wrong; what binds only into a type's catch-all map is an unknown field), the
 * operators' custom resources through the {@code openAPIV3Schema} of their published CRDs (see
 * {@code crds/SOURCES.md}), made strict: an object schema that lists its properties takes no others,
 * unless it says {@code x-kubernetes-preserve-unknown-fields}, as the API server prunes them.
 */
final class ManifestSchemas {

    private static final Map<String, Class<? extends KubernetesResource>> API_TYPES = Map.of(
            "v1/Namespace", Namespace.class, "v1/Service", Service.class, "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class, "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final List<String> CRDS = List.of("strimzi-040-Crd-kafka.yaml", "strimzi-043-Crd-kafkatopic.yaml",
            "strimzi-045-Crd-kafkanodepool.yaml", "cnpg-clusters.yaml", "cnpg-databases.yaml", "keycloak-keycloaks.yaml",
            "keycloak-keycloakrealmimports.yaml", "prometheus-operator-servicemonitors.yaml");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Map<String, Validator> customResources;

    private ManifestSchemas(Map<String, Validator> customResources) {
        this.customResources = customResources;
    }

    @SuppressWarnings("unchecked")
    static ManifestSchemas load() {
        Map<String, Validator> validators = new HashMap<>();
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(16 * 1024 * 1024);
        options.setNestingDepthLimit(500);
        for (String file : CRDS) {
            try (InputStream in = ManifestSchemas.class.getResourceAsStream("/crds/" + file)) {
                Map<String, Object> crd = new Yaml(options).load(in);
                String group = KubernetesManifestsTest.at(crd, "spec", "group");
                String kind = KubernetesManifestsTest.at(crd, "spec", "names", "kind");
                List<Map<String, Object>> versions = KubernetesManifestsTest.at(crd, "spec", "versions");
                for (Map<String, Object> version : versions) {
                    if (Boolean.TRUE.equals(version.get("served"))) {
                        Map<String, Object> schema = (Map<String, Object>) strict(KubernetesManifestsTest.at(version,
                                "schema", "openAPIV3Schema"));
                        ((Map<String, Object>) schema.computeIfAbsent("properties", p -> new LinkedHashMap<>()))
                                .putAll(Map.of("apiVersion", Map.of("type", "string"), "kind", Map.of("type", "string"),
                                        "metadata", Map.of("type", "object")));
                        validators.put(group + "/" + version.get("name") + "/" + kind, Validator.create(
                                JsonSchema.of(new JsonObject(JSON.writeValueAsString(schema))), new JsonSchemaOptions()
                                        .setDraft(Draft.DRAFT202012).setBaseUri("https://aimsledger.io/crds/")
                                        .setOutputFormat(OutputFormat.Basic)));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ManifestSchemas(validators);
    }

    /** What is wrong with {@code object}; empty when its type takes it as it is. */
    List<String> violations(Map<String, Object> object) {
        String type = object.get("apiVersion") + "/" + object.get("kind");
        String name = type + " " + KubernetesManifestsTest.at(object, "metadata", "name");
        List<String> found = new ArrayList<>();
        Class<? extends KubernetesResource> apiType = API_TYPES.get(type);
        Validator validator = customResources.get(type);
        if (apiType != null) {
            bind(object, apiType, name, found);
        } else if (validator != null) {
            bind(object.get("metadata"), ObjectMeta.class, name + " metadata", found);
            OutputUnit result = validator.validate(JSON.convertValue(object, Map.class));
            if (!result.getValid()) {
                // The basic output reports each enclosing object too; the deepest errors say what is wrong.
                List<OutputUnit> errors = result.getErrors();
                errors.stream().filter(error -> errors.stream().noneMatch(other -> other.getInstanceLocation()
                                .startsWith(error.getInstanceLocation() + "/")))
                        .map(error -> name + ": " + error.getInstanceLocation() + " " + error.getError())
                        .distinct().forEach(found::add);
            }
        } else {
            found.add(name + ": no schema for " + type + " (a type the tests do not know, or a served version they lack)");
        }
        return found;
    }

    private static void bind(Object value, Class<?> type, String name, List<String> found) {
        try {
            unknownFields(JSON.convertValue(value, type), name, found);
        } catch (IllegalArgumentException e) {
            found.add(name + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** Fields that bound to no property: the fabric8 types keep them in {@code additionalProperties}. */
    private static void unknownFields(Object value, String path, List<String> found) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                unknownFields(list.get(i), path + "[" + i + "]", found);
            }
        } else if (value != null && value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object child = read(field, value);
                    if (field.getName().equals("additionalProperties") && child instanceof Map<?, ?> extra
                            && !extra.isEmpty()) {
                        found.add(path + ": unknown field(s) " + extra.keySet());
                    } else if (!(child instanceof Map<?, ?>)) {
                        unknownFields(child, path + "." + field.getName(), found);
                    } else {
                        ((Map<?, ?>) child).forEach((key, item) -> unknownFields(item, path + "." + key, found));
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An OpenAPI v3 structural schema as JSON Schema 2020-12, strict about properties: {@code nullable}
     * becomes a null type, {@code x-kubernetes-int-or-string} an integer or a string; formats other than
     * {@code date-time} are the API server's and are left out, as are descriptions.
     */
    @SuppressWarnings("unchecked")
    static Object strict(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> schema = (Map<String, Object>) map;
        Map<String, Object> out = new LinkedHashMap<>();
        schema.forEach((key, value) -> {
            switch (key) {
                case "properties" -> {
                    Map<String, Object> properties = new LinkedHashMap<>();
                    ((Map<String, Object>) value).forEach((name, property) -> properties.put(name, strict(property)));
                    out.put(key, properties);
                }
                case "items", "additionalProperties", "not" -> out.put(key, strict(value));
                case "allOf", "anyOf", "oneOf" -> out.put(key, ((List<Object>) value).stream().map(ManifestSchemas::strict)
                        .toList());
                case "format" -> {
                    if ("date-time".equals(value)) {
                        out.put(key, value);
                    }
                }
                case "description", "default", "example", "nullable", "exclusiveMinimum", "exclusiveMaximum" -> { }
                default -> {
                    if (!key.startsWith("x-kubernetes-")) {
                        out.put(key, value);
                    }
                }
            }
        });
        boundExclusively(schema, out, "exclusiveMinimum", "minimum");
        boundExclusively(schema, out, "exclusiveMaximum", "maximum");
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            out.remove("type");
            out.put("anyOf", List.of(Map.of("type", "integer"), Map.of("type", "string")));
        }
        if (Boolean.TRUE.equals(schema.get("nullable")) && out.get("type") instanceof String type) {
            out.put("type", List.of(type, "null"));
        }
        if (schema.containsKey("properties") && !schema.containsKey("additionalProperties")
                && !Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
            out.put("additionalProperties", false);
        }
        return out;
    }

    /** OpenAPI 3.0's boolean {@code exclusiveMinimum} qualifies {@code minimum}; 2020-12 takes the bound itself. */
    private static void boundExclusively(Map<String, Object> schema, Map<String, Object> out, String exclusive,
                                         String bound) {
        if (Boolean.TRUE.equals(schema.get(exclusive)) && schema.containsKey(bound)) {
            out.remove(bound);
            out.put(exclusive, schema.get(bound));
        }
    }
}
