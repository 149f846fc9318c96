package io.aimsledger.audit.proof;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.AuditConfig;
import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.MerkleHashes;
import io.aimsledger.transparency.SigningKeys;

/**
 * {@link AuditExport} run alone, in the JVM {@link BoundedMemoryExportTest} starts with a small heap:
 * {@code <jdbcUrl> <user> <password> <treeSize> <zip>}. Exits 0 once the zip is written.
 */
public final class ExportInASmallHeap {

    private ExportInASmallHeap() {
    }

    public static void main(String[] args) throws Exception {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        dataSource.setUser(args[1]);
        dataSource.setPassword(args[2]);
        long treeSize = Long.parseLong(args[3]);
        var keys = SigningKeys.generate();
        var key = new AuditSigningKey(signingKey(SigningKeys.privatePem(keys.getPrivate())));
        // No proofs are asked for (no version comes from a leaf), so the export needs no reactive pool.
        var export = new AuditExport(dataSource, new MerkleLog(), key, null, new ObjectMapper());
        Instant now = Instant.now();
        var checkpoint = key.signer().sign(Checkpoint.of(treeSize, MerkleHashes.empty(), now));
        try (OutputStream out = Files.newOutputStream(Path.of(args[4]))) {
            export.write(new AuditExport.Plan(now, now, now, checkpoint, true, null), out);
        }
        System.out.println("exported with at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap");
    }

    private static AuditConfig signingKey(String pem) {
        return new AuditConfig() {
            @Override
            public String topicPattern() {
                return null;
            }

            @Override
            public Consumer consumer() {
                return null;
            }

            @Override
            public SigningKey signingKey() {
                return new SigningKey() {
                    @Override
                    public Optional<String> file() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<String> pem() {
                        return Optional.of(pem);
                    }

                    @Override
                    public boolean createIfMissing() {
                        return false;
                    }
                };
            }

            @Override
            public Checkpoints checkpoint() {
                return null;
            }
        };
    }
}
