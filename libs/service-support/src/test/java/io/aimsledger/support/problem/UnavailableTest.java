package io.aimsledger.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class UnavailableTest {

    @Test
    void aDatabaseThatCannotBeReachedOrIsShuttingDownIsUnavailable() {
        assertThat(Unavailable.is(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(Unavailable.is(new PgException("terminating connection due to administrator command", "FATAL",
                "57P01", null))).isTrue();
        assertThat(Unavailable.is(new RuntimeException(new PgException("too many clients", "FATAL", "53300", null))))
                .isTrue();
        assertThat(Unavailable.is(new java.sql.SQLException("no connection", "08006"))).isTrue();
        assertThat(Unavailable.is(new RuntimeException(new java.net.SocketException("Connection reset")))).isTrue();
    }

    @Test
    void aBugOrABadStatementIsNot() {
        assertThat(Unavailable.is(new IllegalStateException("bug"))).isFalse();
        assertThat(Unavailable.is(new PgException("syntax error", "ERROR", "42601", null))).isFalse();
        assertThat(Unavailable.is(new PgException("duplicate key", "ERROR", "23505", null))).isFalse();
    }
}
