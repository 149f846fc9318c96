package io.aimsledger.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code deploy/kubernetes}: both overlays render with {@code kubectl kustomize}, and what they render holds to
 * the rules the issue sets: restricted pods with probes and limits, no secret in git, the topics the services
 * use, the realm of {@code deploy/keycloak}, and production sized for failure.
 */
class KubernetesManifestsTest {

    static final Path KUBERNETES = ComposeFileTest.REPOSITORY.resolve("deploy/kubernetes");

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(String overlay) throws IOException, InterruptedException {
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", KUBERNETES.resolve("overlays").resolve(overlay).toString())
                .redirectErrorStream(true).start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();
        List<Map<String, Object>> objects = new ArrayList<>();
        new Yaml().loadAll(output).forEach(object -> objects.add((Map<String, Object>) object));
        return objects;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(object -> kind.equals(object.get("kind"))).toList();
    }

    @SuppressWarnings("unchecked")
    static <T> T at(Object object, String... path) {
        Object current = object;
        for (String key : path) {
            current = current instanceof Map<?, ?> map ? map.get(key) : null;
        }
        return (T) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyPodIsRestrictedProbedAndLimited() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> deployments = ofKind(render(overlay), "Deployment");
            assertThat(deployments).hasSize(6);
            for (Map<String, Object> deployment : deployments) {
                String name = at(deployment, "metadata", "name");
                Map<String, Object> pod = at(deployment, "spec", "template", "spec");
                assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).as(name).isTrue();
                for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
                    assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem")).as(name).isTrue();
                    assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation")).as(name).isFalse();
                    assertThat((Object) at(container, "resources", "limits", "memory")).as(name).isNotNull();
                    assertThat((Object) at(container, "resources", "requests", "cpu")).as(name).isNotNull();
                    if (!name.equals("otel-collector")) {
                        assertThat((Object) at(container, "readinessProbe", "httpGet", "path")).as(name).isEqualTo("/q/health/ready");
                        assertThat((Object) at(container, "livenessProbe", "httpGet", "path")).as(name).isEqualTo("/q/health/live");
                    }
                }
            }
        }
    }

    @Test
    void everyRenderedObjectHoldsToItsSchema() throws Exception {
        ManifestSchemas schemas = ManifestSchemas.load();
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> objects = render(overlay);
            List<String> violations = objects.stream().flatMap(object -> schemas.violations(object).stream()).toList();
            assertThat(violations).as(overlay).isEmpty();
            System.out.printf("%s: %d objects valid against their schemas%n", overlay, objects.size());
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSchemasRejectUnknownFieldsAndWrongTypes() throws Exception {
        ManifestSchemas schemas = ManifestSchemas.load();
        List<Map<String, Object>> objects = render("dev");

        Map<String, Object> deployment = copy(ofKind(objects, "Deployment").getFirst());
        Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec", "containers"))
                .getFirst();
        container.put("readinesProbe", container.get("readinessProbe"));
        assertThat(schemas.violations(deployment)).singleElement().asString().contains("readinesProbe");
        ((Map<String, Object>) at(deployment, "spec")).put("replicas", "two");
        assertThat(schemas.violations(deployment)).isNotEmpty();

        Map<String, Object> kafka = copy(ofKind(objects, "Kafka").getFirst());
        ((Map<String, Object>) at(kafka, "spec", "kafka")).put("zookeeperConnect", "zk:2181");
        assertThat(schemas.violations(kafka)).singleElement().asString().contains("/spec/kafka/zookeeperConnect");
        Map<String, Object> cluster = copy(ofKind(objects, "Cluster").getFirst());
        ((Map<String, Object>) at(cluster, "spec")).put("instances", 0);
        assertThat(schemas.violations(cluster)).isNotEmpty();
        Map<String, Object> topic = copy(ofKind(objects, "KafkaTopic").getFirst());
        topic.put("apiVersion", "kafka.strimzi.io/v1alpha1");
        assertThat(schemas.violations(topic)).singleElement().asString().contains("no schema");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> object) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return json.readValue(json.writeValueAsBytes(object), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSecretIsInTheRepository() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            List<Map<String, Object>> objects = render(overlay);
            assertThat(ofKind(objects, "Secret")).as("Secrets are created outside git").isEmpty();
            for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
                for (Map<String, Object> container : (List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                        "containers")) {
                    for (Map<String, Object> variable : (List<Map<String, Object>>) container.getOrDefault("env", List.of())) {
                        if (String.valueOf(variable.get("name")).matches(".*(PASSWORD|SECRET).*")) {
                            assertThat(variable).as(variable.get("name") + " from a Secret").doesNotContainKey("value")
                                    .containsKey("valueFrom");
                        }
                    }
                }
            }
        }
    }

    @Test
    void theTopicsAreTheOnesTheServicesAndComposeUse() throws Exception {
        Set<String> topics = new TreeSet<>();
        for (Map<String, Object> topic : ofKind(render("prod"), "KafkaTopic")) {
            topics.add(at(topic, "spec", "topicName"));
            assertThat((Integer) at(topic, "spec", "replicas")).isEqualTo(3);
        }
        assertThat(topics).isEqualTo(ComposeFileTest.serviceTopics()).isEqualTo(ComposeFileTest.composeTopics());
    }

    @Test
    void productionIsSizedForFailureAndImportsNoDemoUser() throws Exception {
        List<Map<String, Object>> prod = render("prod");
        assertThat((Integer) at(ofKind(prod, "KafkaNodePool").getFirst(), "spec", "replicas")).isEqualTo(3);
        assertThat((Integer) at(ofKind(prod, "Kafka").getFirst(), "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
        assertThat((Integer) at(ofKind(prod, "Cluster").getFirst(), "spec", "instances")).isEqualTo(3);
        assertThat((Object) at(ofKind(prod, "Cluster").getFirst(), "spec", "backup", "barmanObjectStore")).isNotNull();
        assertThat((Object) at(ofKind(prod, "KeycloakRealmImport").getFirst(), "spec", "realm", "users")).isNull();
        assertThat(ofKind(prod, "HorizontalPodAutoscaler")).extracting(hpa -> (String) at(hpa, "metadata", "name"))
                .containsExactlyInAnyOrder("inventory-service", "risk-service", "controls-service", "evidence-service");
        assertThat(ofKind(prod, "PodDisruptionBudget")).hasSize(5);
        assertThat(ofKind(prod, "ServiceMonitor")).hasSize(5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theIngressRoutesEveryPathOfTheContractToTheServiceThatServesIt() throws Exception {
        // Which services serve /api/v1/<first segment>, from the OpenAPI document each writes when it is built.
        Map<String, Set<String>> owners = new TreeMap<>();
        for (String service : ComposeFileTest.SERVICES.keySet()) {
            Map<String, Object> openApi = new ObjectMapper().readValue(ComposeFileTest.REPOSITORY.resolve(service)
                    .resolve("target/openapi/openapi.json").toFile(), Map.class);
            for (String path : ((Map<String, Object>) openApi.get("paths")).keySet()) {
                String[] segments = path.split("/");
                if (path.startsWith("/api/v1/") && !segments[3].equals("ingest")) {
                    owners.computeIfAbsent("/api/v1/" + segments[3], p -> new TreeSet<>()).add(service);
                }
            }
        }
        assertThat(owners).containsEntry("/api/v1/audit", Set.of("audit-projection")).hasSizeGreaterThanOrEqualTo(9);
        Map<String, Object> ingress = ofKind(render("prod"), "Ingress").getFirst();
        Map<String, String> routed = new TreeMap<>();
        Map<String, String> ingest = new TreeMap<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) at(ingress, "spec", "rules")) {
            for (Map<String, Object> path : (List<Map<String, Object>>) at(rule, "http", "paths")) {
                String backend = at(path, "backend", "service", "name");
                (path.get("path").equals("/api/v1/ingest") ? ingest : routed).put(
                        path.get("path").equals("/api/v1/ingest") ? (String) rule.get("host") : (String) path.get("path"),
                        backend);
            }
        }
        owners.forEach((prefix, services) -> assertThat(services).as(prefix).contains(routed.get(prefix)));
        assertThat(ingest.values()).containsExactlyInAnyOrder("inventory-service", "risk-service", "evidence-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theAuditProjectionRunsAWriterAndAStandbyThatStayReadyThroughAnUpdate() throws Exception {
        Map<String, Object> audit = ofKind(render("prod"), "Deployment").stream()
                .filter(d -> "audit-projection".equals(at(d, "metadata", "name"))).findFirst().orElseThrow();
        assertThat((Integer) at(audit, "spec", "replicas")).isEqualTo(2);
        assertThat((Object) at(audit, "spec", "strategy", "type")).isEqualTo("RollingUpdate");
        assertThat((Integer) at(audit, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isZero();
    }

    @Test
    void theRealmImportIsTheRealmOfDeployKeycloak() throws Exception {
        Object imported = at(ofKind(render("dev"), "KeycloakRealmImport").getFirst(), "spec", "realm");
        Object realm = new ObjectMapper().readValue(ComposeFileTest.REPOSITORY.resolve("deploy/keycloak/aims-realm.json")
                .toFile(), Map.class);
        com.fasterxml.jackson.databind.JsonNode importedTree = new ObjectMapper().valueToTree(imported);
        com.fasterxml.jackson.databind.JsonNode realmTree = new ObjectMapper().valueToTree(realm);
        assertThat(importedTree.equals(realmTree)).as("the realm import equals aims-realm.json").isTrue();
    }
}
