package io.aimsledger.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** What the launcher was asked to do; see {@link #USAGE}. */
record LaunchOptions(Path repository, Path dataDirectory, boolean fresh, int servicePortBase, int keycloakPort,
                     int kafkaPort, int postgresPort, boolean auditStandby, boolean help) {

    static final String USAGE = """
            Usage: aims-local [options]
              --data DIR          where state is kept between runs (default: <repository>/.aims-local)
              --fresh             delete that state first and start from nothing
              --service-port N    first service port: inventory N, risk N+1, controls N+2,
                                  evidence N+3, audit-projection N+4 (default 8081)
              --keycloak-port N   Keycloak's port (default 8180)
              --kafka-port N      Kafka's port (default 9092; another free one if taken)
              --postgres-port N   PostgreSQL's port (default 5432; another free one if taken)
              --audit-standby     a second audit-projection on port N+5 that stands by and takes
                                  over the ingest when the first stops
              --help              this text
            """;

    static LaunchOptions parse(Path repository, String[] args) {
        Path data = repository.resolve(".aims-local");
        boolean fresh = false;
        boolean help = false;
        boolean standby = false;
        int services = 8081;
        int keycloak = 8180;
        int kafka = 9092;
        int postgres = 5432;
        Iterator<String> it = List.of(args).iterator();
        List<String> unknown = new ArrayList<>();
        while (it.hasNext()) {
            String arg = it.next();
            switch (arg) {
                case "--data" -> data = Path.of(value(it, arg)).toAbsolutePath();
                case "--fresh" -> fresh = true;
                case "--service-port" -> services = port(it, arg);
                case "--keycloak-port" -> keycloak = port(it, arg);
                case "--kafka-port" -> kafka = port(it, arg);
                case "--postgres-port" -> postgres = port(it, arg);
                case "--audit-standby" -> standby = true;
                case "--help", "-h" -> help = true;
                default -> unknown.add(arg);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s): " + String.join(" ", unknown));
        }
        return new LaunchOptions(repository, data, fresh, services, keycloak, kafka, postgres, standby, help);
    }

    /** The service instances to run: the five, and the audit standby when asked for. */
    List<Service> instances() {
        List<Service> instances = new ArrayList<>(Service.ALL);
        if (auditStandby) {
            instances.add(Service.AUDIT_STANDBY);
        }
        return instances;
    }

    private static String value(Iterator<String> it, String option) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return it.next();
    }

    private static int port(Iterator<String> it, String option) {
        String value = value(it, option);
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a port number, not " + value);
        }
    }
}
