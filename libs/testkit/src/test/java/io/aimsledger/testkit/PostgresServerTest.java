package io.aimsledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.aimsledger.localservers.LocalCredentials;
import io.aimsledger.localservers.PostgresServer;

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

    @Test
    void everyConnectionNeedsItsPassword() {
        var postgres = TestServers.postgres();
        for (String password : new String[] {"", "wrong", null}) {
            assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), PostgresServer.USER,
                    password).close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aServiceRoleReadsAndWritesRowsAndNothingMore() throws SQLException {
        var postgres = TestServers.postgres();
        postgres.createDatabase("testkit_roles");
        try (var c = postgres.connect("testkit_roles"); var s = c.createStatement()) {
            s.execute("create table if not exists before_grant (id int)");
        }
        String password = LocalCredentials.generate();
        postgres.ensureLoginRole("testkit_service", password);
        postgres.grantRowAccess("testkit_roles", "testkit_service");
        try (var c = postgres.connect("testkit_roles"); var s = c.createStatement()) {
            s.execute("create table if not exists after_grant (id serial primary key, note text)");
        }

        try (var c = DriverManager.getConnection(postgres.jdbcUrl("testkit_roles"), "testkit_service", password);
             var s = c.createStatement()) {
            s.execute("insert into before_grant values (1)");
            s.execute("insert into after_grant (note) values ('hello')");
            s.execute("update after_grant set note = 'hi'");
            s.execute("delete from before_grant");
            assertThatThrownBy(() -> s.execute("create table mine (id int)")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("truncate after_grant")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("drop table after_grant")).hasMessageContaining("must be owner");
            var rs = s.executeQuery("select rolsuper from pg_roles where rolname = current_user");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void theLauncherKeepsGeneratedPasswordsPrivate(@org.junit.jupiter.api.io.TempDir Path data) throws Exception {
        String first = LocalCredentials.in(data).password("postgres.superuser");
        assertThat(LocalCredentials.in(data).password("postgres.superuser")).isEqualTo(first);
        Path file = data.resolve("secrets/credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(first).hasSize(32);
    }
}
