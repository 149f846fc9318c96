package io.aimsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void storesAndReadsBackARowInItsOwnDatabase() throws SQLException {
        var postgres = TestServers.postgres();
        postgres.createDatabase("testkit_roundtrip");
        postgres.createDatabase("testkit_roundtrip"); // a second call is harmless

        try (var c = postgres.connect("testkit_roundtrip"); var s = c.createStatement()) {
            s.execute("create table if not exists note (id serial primary key, body jsonb not null)");
            s.execute("insert into note (body) values ('{\"text\": \"hello\"}')");
            var rs = s.executeQuery("select body->>'text', current_database() from note order by id desc limit 1");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("hello");
            assertThat(rs.getString(2)).isEqualTo("testkit_roundtrip");
        }
    }

    @Test
    void runsWithDurableCommitSettings() throws SQLException {
        try (var c = TestServers.postgres().connect("postgres"); var s = c.createStatement()) {
            var rs = s.executeQuery("select current_setting('fsync'), current_setting('synchronous_commit'),"
                    + " current_setting('server_version_num')::int");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getString(2)).isEqualTo("on");
            assertThat(rs.getInt(3)).isGreaterThanOrEqualTo(180000);
        }
    }
}
