package io.aimsledger.systemtests.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.yaml.snakeyaml.Yaml;

import io.aimsledger.localservers.ServiceEnvironment;

/**
 * {@code deploy/compose}, checked where no Docker engine runs: every service gets every variable the
 * launcher gives it (what it reads in production), ports and health checks agree, no secret value is in
 * the repository, and the topics created are exactly the ones the services use.
 */
class ComposeFileTest {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE = REPOSITORY.resolve("deploy/compose");
    static final Map<String, Integer> SERVICES = Map.of("inventory-service", 8081, "risk-service", 8082,
            "controls-service", 8083, "evidence-service", 8084, "audit-projection", 8085);
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z_]+):\\?[^}]+}");

    /** The file as Compose reads it: anchors, aliases and merge keys resolved (SnakeYAML does, as YAML 1.1 says). */
    static Map<String, Object> compose() throws IOException {
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve("compose.yaml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String name) throws IOException {
        return (Map<String, Object>) service(name).get("environment");
    }

    @Test
    void everyServiceIsGivenEveryVariableTheLauncherGivesIt() throws IOException {
        var required = new TreeSet<>(ServiceEnvironment.of(1, 2, "db", "user", "password", "owner", "kafka:9092",
                "http://oidc").keySet());
        for (String name : SERVICES.keySet()) {
            var expected = new TreeSet<>(required);
            if (name.equals("audit-projection")) {
                expected.addAll(List.of("AIMS_AUDIT_DB_PASSWORD", "AIMS_AUDIT_SIGNING_KEY_FILE"));
            }
            Map<String, Object> environment = environment(name);
            assertThat(environment.keySet()).as(name).containsAll(expected);
            environment.forEach((key, value) -> assertThat(String.valueOf(value)).as(name + " " + key).isNotBlank());
        }
    }

    @Test
    void portsHealthChecksAndScrapeTargetsAgree() throws IOException {
        String prometheus = Files.readString(COMPOSE.resolve("prometheus.yml"));
        for (var entry : SERVICES.entrySet()) {
            String name = entry.getKey();
            int port = entry.getValue();
            Map<String, Object> service = service(name);
            assertThat(environment(name)).as(name).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(port));
            assertThat(String.valueOf(service.get("ports"))).as(name).isEqualTo("[" + port + ":" + port + "]");
            assertThat(String.valueOf(((Map<?, ?>) service.get("healthcheck")).get("test")))
                    .as(name).contains("http://localhost:" + port + "/q/health/ready");
            assertThat(service).as(name).containsEntry("read_only", true);
            assertThat(prometheus).contains(name + ":" + port);
        }
    }

    @Test
    void noPasswordOrSecretValueIsCommitted() throws IOException {
        Set<String> referenced = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        for (String name : services.keySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
            environment.forEach((key, value) -> {
                if (key.matches(".*(PASSWORD|SECRET|_PEM).*")) {
                    Matcher variable = REQUIRED_VARIABLE.matcher(String.valueOf(value));
                    assertThat(variable.matches()).as(name + " " + key + " comes from .env").isTrue();
                    referenced.add(variable.group(1));
                }
            });
        }
        Properties example = new Properties();
        try (Reader reader = Files.newBufferedReader(COMPOSE.resolve(".env.example"))) {
            example.load(reader);
        }
        for (String variable : referenced) {
            assertThat(example.getProperty(variable)).as(variable + " in .env.example").isEqualTo("change-me");
        }
        assertThat(Files.readString(REPOSITORY.resolve(".gitignore"))).contains("deploy/compose/.env");
        assertThat(Files.exists(COMPOSE.resolve(".env"))).as("a .env in the repository").isFalse();
    }

    @Test
    void theTopicsCreatedAreTheOnesTheServicesUse() throws IOException {
        assertThat(composeTopics()).isEqualTo(serviceTopics());
    }

    /** The topics the {@code kafka-topics} job creates. */
    static Set<String> composeTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        Matcher create = Pattern.compile("(?m)^\\s*create (\\S+) ").matcher(String.valueOf(service("kafka-topics").get("command")));
        while (create.find()) {
            topics.add(create.group(1));
        }
        return topics;
    }

    /** The topics the services' configuration names: what they consume and where they set records aside. */
    static Set<String> serviceTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        for (String name : SERVICES.keySet()) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(REPOSITORY.resolve(name)
                    .resolve("src/main/resources/application.properties"))) {
                properties.load(reader);
            }
            properties.stringPropertyNames().stream()
                    .filter(key -> key.endsWith(".topic") && !properties.getProperty(key).startsWith("${"))
                    .forEach(key -> topics.add(properties.getProperty(key)));
        }
        return topics;
    }
}
