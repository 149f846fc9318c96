package io.aimsledger.audit.proof;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.audit.log.MerkleLog;
import io.aimsledger.transparency.Checkpoint;
import io.aimsledger.transparency.CheckpointSigner;
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
        var signer = new CheckpointSigner(SigningKeys.generate());
        // No proofs are asked for (no version comes from a leaf), so the export needs no reactive pool.
        var export = new AuditExport(dataSource, new MerkleLog(), null, new ObjectMapper());
        Instant now = Instant.now();
        var checkpoint = signer.sign(Checkpoint.of(treeSize, MerkleHashes.empty(), now));
        try (OutputStream out = Files.newOutputStream(Path.of(args[4]))) {
            export.write(new AuditExport.Plan(now, now, now, checkpoint, true, null), out);
        }
        System.out.println("exported with at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB of heap");
    }
}
