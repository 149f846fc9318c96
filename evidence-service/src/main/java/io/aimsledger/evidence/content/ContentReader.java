package io.aimsledger.evidence.content;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aimsledger.decider.Rejection;
import io.aimsledger.evidence.domain.EvidenceProblems;

/**
 * Serves stored content only after checking it: in one read-only snapshot, the chunks are hashed against
 * the SHA-256 the evidence names (a mismatch is a 409 {@code evidence.content-corrupt} before any byte is
 * sent), then the same chunks are streamed out. One chunk is in memory at a time.
 */
@ApplicationScoped
public class ContentReader {

    private static final Logger LOG = Logger.getLogger(ContentReader.class);
    private static final String CHUNKS = "select data from evidence_content_chunk where sha256 = ? order by seq";

    private final DataSource dataSource;

    public ContentReader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Checked content, ready to be written once; its snapshot is held until it is written or closed. */
    public interface Verified extends AutoCloseable {

        String sha256();

        long size();

        String mediaType();

        String fileName();

        void writeTo(OutputStream out) throws IOException;

        @Override
        void close();
    }

    public Verified open(UUID evidenceId) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            Verified verified = verify(connection, evidenceId);
            connection = null;
            return verified;
        } catch (SQLException e) {
            throw new IllegalStateException("reading evidence content", e);
        } finally {
            closeQuietly(connection);
        }
    }

    private Verified verify(Connection connection, UUID evidenceId) throws SQLException {
        String sha256;
        String mediaType;
        String fileName;
        try (PreparedStatement select = connection.prepareStatement("select content->>'sha256', "
                + "content->>'mediaType', content->>'fileName', external_uri from evidence where id = ?")) {
            select.setObject(1, evidenceId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw Rejection.notFound(EvidenceProblems.NOT_FOUND, "No evidence has this id.");
                }
                if (row.getString(1) == null) {
                    throw Rejection.notFound(EvidenceProblems.NO_STORED_CONTENT, "This evidence is held outside the "
                            + "platform, at " + row.getString(4) + "; its SHA-256 is in the evidence.");
                }
                sha256 = row.getString(1);
                mediaType = row.getString(2);
                fileName = row.getString(3);
            }
        }
        long size = expectedSize(connection, sha256);
        var actual = new Sha256();
        forEachChunk(connection, sha256, bytes -> actual.update(bytes, bytes.length));
        String hash = actual.hex();
        if (size < 0 || actual.size() != size || !hash.equals(sha256)) {
            LOG.errorf("Stored content of evidence %s is corrupt: expected SHA-256 %s of %d bytes, found %s of %d",
                    evidenceId, sha256, size, hash, actual.size());
            throw Rejection.conflict(EvidenceProblems.CONTENT_CORRUPT, "The stored content no longer matches the "
                    + "SHA-256 recorded when it was submitted; it is not served.");
        }
        return new SnapshotContent(connection, sha256, size, mediaType, fileName);
    }

    private static long expectedSize(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select size from evidence_content where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        }
    }

    @FunctionalInterface
    private interface ChunkSink {
        void accept(byte[] bytes) throws IOException;
    }

    private static void forEachChunk(Connection connection, String sha256, ChunkSink sink) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CHUNKS)) {
            select.setFetchSize(1);
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    sink.accept(rows.getBytes(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record SnapshotContent(Connection connection, String sha256, long size, String mediaType, String fileName)
            implements Verified {

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try {
                forEachChunk(connection, sha256, out::write);
            } catch (SQLException e) {
                throw new IOException("reading evidence content", e);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException e) {
                LOG.debug("closing a content snapshot", e);
            }
        }
    }
}
