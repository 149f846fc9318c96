package io.aimsledger.audit.proof;

import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
import io.aimsledger.transparency.KeyAnnouncement;
import io.aimsledger.transparency.KeyHistory;
import io.aimsledger.transparency.SigningKeys;

/** The signing-key history in {@code audit_signing_key}: read, and extended when a new key takes over. */
public final class KeyHistoryLog {

    private KeyHistoryLog() {
    }

    public static KeyHistory read(Connection connection) throws SQLException {
        List<KeyAnnouncement> keys = new ArrayList<>();
        try (var statement = connection.createStatement();
             var rows = statement.executeQuery("select key_id, public_key, from_tree_size, from_time, hand_over_signature "
                     + "from audit_signing_key order by position")) {
            while (rows.next()) {
                keys.add(new KeyAnnouncement(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return KeyHistory.of(keys);
    }

    /**
     * Makes {@code next} the key that signs from now on, in one transaction that holds the tree head, so
     * no entry is appended meanwhile:
     * <ul>
     * <li>an empty history gets {@code next} as its first key, signing from the empty tree;</li>
     * <li>the current key stays as it is;</li>
     * <li>any other key must be handed over by the current one, given as {@code previous}: it signs a
     * last checkpoint of the tree as it is, then signs the hand-over to {@code next} from that size on.</li>
     * </ul>
     * A retired key, or a new key without the current one to hand over, is refused with the reason.
     */
    static void takeOver(Connection connection, KeyPair next, Optional<KeyPair> previous, Instant now)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            long size;
            byte[] root;
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("select size, root_hash from merkle_tree for update")) {
                rows.next();
                size = rows.getLong(1);
                root = rows.getBytes(2);
            }
            List<KeyAnnouncement> keys = read(connection).keys();
            String nextId = SigningKeys.keyId(next.getPublic());
            if (keys.isEmpty()) {
                insert(connection, 0, KeyAnnouncement.first(next.getPublic(), firstSigned(connection).orElse(now)));
            } else if (!keys.getLast().keyId().equals(nextId)) {
                KeyPair current = handingOver(keys, nextId, previous);
                CheckpointLog.insert(connection, new CheckpointSigner(current).sign(Checkpoint.of(size, root, now)));
                insert(connection, keys.size(), KeyAnnouncement.handedOver(current, next.getPublic(), size, now));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    private static KeyPair handingOver(List<KeyAnnouncement> keys, String nextId, Optional<KeyPair> previous) {
        KeyAnnouncement current = keys.getLast();
        for (KeyAnnouncement key : keys) {
            if (key.keyId().equals(nextId)) {
                throw new IllegalStateException("The audit signing key " + nextId + " was retired when a later key took "
                        + "over; a retired key never signs again: configure the current key " + current.keyId());
            }
        }
        if (previous.isEmpty() || !SigningKeys.keyId(previous.get().getPublic()).equals(current.keyId())) {
            throw new IllegalStateException("The audit signing key " + nextId + " is not in the key history, whose "
                    + "current key is " + current.keyId() + ": to rotate, configure that key as "
                    + "aims.audit.signing-key.previous-file (or previous-pem) so that it hands over to the new one "
                    + "(audit-projection/README.md, \"Rotating the signing key\")");
        }
        return previous.get();
    }

    private static void insert(Connection connection, int position, KeyAnnouncement key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("insert into audit_signing_key (position, key_id, "
                + "public_key, from_tree_size, from_time, hand_over_signature) values (?, ?, ?, ?, ?, ?)")) {
            statement.setInt(1, position);
            statement.setString(2, key.keyId());
            statement.setString(3, key.publicKey());
            statement.setLong(4, key.fromTreeSize());
            statement.setString(5, key.from());
            statement.setString(6, key.handOverSignature());
            statement.executeUpdate();
        }
    }

    /** When the first checkpoint was signed: a log from before key histories had its key since then. */
    private static Optional<Instant> firstSigned(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select signed_at from audit_checkpoint order by tree_size limit 1")) {
            return rows.next() ? Optional.of(Instant.parse(rows.getString(1))) : Optional.empty();
        }
    }
}
