package io.aimsledger.inventory.aisystem.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.aimsledger.testkit.TestServers;

/** A database that stored the API view (V1) keeps every AI system when V2 moves it into columns. */
class ReadModelMigrationTest {

    private static final String VIEW = """
            {"id":"%s","name":"Résumé screener","description":"Ranks CVs","purpose":"Hiring","owner":"hr@example.com",
             "businessUnit":"HR","organizationRole":"DEPLOYER","aiTechnique":"MACHINE_LEARNING",
             "deploymentContext":"EU","humanOversight":"A recruiter reviews","affectedStakeholders":["candidates","recruiters"],
             "vendor":"Acme","lifecycleStage":"DESIGN","euAiActRiskClass":"HIGH_RISK","classificationRationale":"Annex III 4",
             "status":"ACTIVE","models":[{"id":"%s","name":"ranker","version":"2","provider":null,"registryUri":null}],
             "datasets":[],"externalRef":"hr-1","version":3}
            """;

    @Test
    void theStoredViewBecomesColumnsAndIsDropped() throws SQLException {
        var postgres = TestServers.postgres();
        String database = "inventory_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        postgres.createDatabase(database);
        UUID id = UUID.randomUUID();
        UUID model = UUID.randomUUID();

        flyway(postgres.jdbcUrl(database), postgres.password(), "1").migrate();
        try (Connection c = postgres.connect(database)) {
            c.createStatement().execute("insert into ai_system values ('" + id + "', 'hr@example.com', 'DESIGN', "
                    + "'HIGH_RISK', 'ACTIVE', 'hr-1', 3, now(), now(), '" + VIEW.formatted(id, model) + "')");
        }
        flyway(postgres.jdbcUrl(database), postgres.password(), "latest").migrate();

        try (Connection c = postgres.connect(database);
             ResultSet row = c.createStatement().executeQuery("select name, purpose, business_unit, ai_technique, "
                     + "affected_stakeholders::text, classification_rationale, components->'models'->0->>'name', "
                     + "jsonb_array_length(components->'datasets') from ai_system where id = '" + id + "'");
             ResultSet view = c.createStatement().executeQuery("select count(*) from information_schema.columns "
                     + "where table_name = 'ai_system' and column_name = 'view'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString(1)).isEqualTo("Résumé screener");
            assertThat(row.getString(2)).isEqualTo("Hiring");
            assertThat(row.getString(3)).isEqualTo("HR");
            assertThat(row.getString(4)).isEqualTo("MACHINE_LEARNING");
            assertThat(row.getString(5)).isEqualTo("{candidates,recruiters}");
            assertThat(row.getString(6)).isEqualTo("Annex III 4");
            assertThat(row.getString(7)).isEqualTo("ranker");
            assertThat(row.getInt(8)).isZero();
            assertThat(view.next()).isTrue();
            assertThat(view.getInt(1)).isZero();
        }
    }

    private static Flyway flyway(String url, String password, String target) {
        return Flyway.configure().dataSource(url, "postgres", password)
                .locations("classpath:db/eventstore", "classpath:db/migration").outOfOrder(true).target(target).load();
    }
}
