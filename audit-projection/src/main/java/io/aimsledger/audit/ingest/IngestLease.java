package io.aimsledger.audit.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.aimsledger.audit.AuditConfig;

/**
 * Which instance of the projection writes the log: the one whose database session holds the advisory lock
 * {@value #LOCK}. The others stand by, answer queries and ask again every {@code aims.audit.consumer.lease-check};
 * when the holder's session ends (its process died, its connection broke), PostgreSQL releases the lock and a
 * standby takes over. A holder that can no longer confirm its session must stop writing at once, since a
 * standby may already have taken over: it is told so and exits.
 */
@ApplicationScoped
public class IngestLease {

    private static final Logger LOG = Logger.getLogger(IngestLease.class);

    static final String LOCK = "aims-audit-ingest";

    private final String url;
    private final String user;
    private final String password;
    private final Duration check;
    private volatile boolean held;
    private volatile boolean stopped;
    private Connection session;
    private Thread thread;

    // A connection of its own, not one of the pool's: a pooled connection given back would keep the lock.
    @Inject
    public IngestLease(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                       @ConfigProperty(name = "quarkus.datasource.username") String user,
                       @ConfigProperty(name = "quarkus.datasource.password") String password, AuditConfig config) {
        this(url, user, password, config.consumer().leaseCheck());
    }

    IngestLease(String url, String user, String password, Duration check) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.check = check;
    }

    /** Whether this instance holds the lease and writes the log. */
    public boolean held() {
        return held;
    }

    /**
     * Asks for the lease until it holds it, then runs {@code acquired} (on the lease's own thread, which may
     * block); should the lease's session be lost afterwards, runs {@code lost}.
     */
    public synchronized void start(Runnable acquired, Runnable lost) {
        thread = Thread.ofPlatform().daemon().name("audit-ingest-lease").start(() -> {
            while (!stopped && !held) {
                held = tryAcquire();
                if (held) {
                    acquired.run();
                } else {
                    pause();
                }
            }
            while (!stopped) {
                pause();
                if (!stopped && !alive()) {
                    held = false;
                    lost.run();
                    return;
                }
            }
        });
    }

    private boolean tryAcquire() {
        try {
            if (session == null || !session.isValid(5)) {
                closeSession();
                session = DriverManager.getConnection(url, user, password);
                session.setAutoCommit(true);
            }
            try (PreparedStatement lock = session.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
                lock.setString(1, LOCK);
                try (ResultSet row = lock.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        } catch (SQLException e) {
            LOG.debugf("Could not ask for the audit ingest lease: %s", e.getMessage());
            closeSession();
            return false;
        }
    }

    private boolean alive() {
        try {
            return session.isValid((int) Math.max(1, check.toSeconds() * 2));
        } catch (SQLException e) {
            return false;
        }
    }

    private void pause() {
        try {
            Thread.sleep(check);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (SQLException e) {
                LOG.debugf("Closing the lease session: %s", e.getMessage());
            }
            session = null;
        }
    }

    @PreDestroy
    synchronized void stop() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
        closeSession();
        held = false;
    }
}
