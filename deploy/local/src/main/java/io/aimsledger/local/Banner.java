package io.aimsledger.local;

/** What the launcher prints once everything is up. */
final class Banner {

    private Banner() {
    }

    static String text(LaunchOptions options, int postgresPort, int kafkaPort, String realmUrl) {
        int base = options.servicePortBase();
        var out = new StringBuilder();
        out.append("\n==================== AIMS Ledger is running ====================\n\n");
        for (Service service : options.instances()) {
            int port = service.port(base);
            out.append(String.format("  %-24s http://localhost:%d   (Swagger UI: http://localhost:%d/q/swagger-ui)%n",
                    service.instance(), port, port));
        }
        out.append(String.format("%n  %-18s %s%n", "Keycloak realm", realmUrl));
        out.append(String.format("  %-18s localhost:%d%n", "Kafka", kafkaPort));
        out.append(String.format("  %-18s localhost:%d (user postgres; databases %s)%n", "PostgreSQL", postgresPort,
                String.join(", ", Service.ALL.stream().map(Service::database).toList())));
        out.append(String.format("  %-18s %s%n", "Data folder", options.dataDirectory()));
        out.append("""

                  Demo users (password = user name; for demonstration only):
                    alice (aims-editor)  bob (aims-approver)  carol (auditor)
                    dave (aims-viewer)   admin (aims-admin)
                  Integration client: ci-pipeline / ci-pipeline-secret (client credentials)

                  Get a token and call a service:
                """);
        out.append("    TOKEN=$(curl -s -d client_id=aims-cli -d grant_type=password -d username=alice -d password=alice \\\n")
                .append("      ").append(realmUrl).append("/protocol/openid-connect/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n")
                .append("    curl -H \"Authorization: Bearer $TOKEN\" http://localhost:").append(base).append("/api/v1/me\n");
        out.append("\n  Press Ctrl-C to stop everything.\n");
        out.append("=================================================================\n");
        return out.toString();
    }
}
