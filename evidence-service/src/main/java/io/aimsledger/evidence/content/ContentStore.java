package io.aimsledger.evidence.content;

import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.eventstore.tx.Transaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.file.OpenOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Writes evidence content into PostgreSQL, addressed by its SHA-256, from a file on disk (where the HTTP
 * server or ingest put it), one chunk at a time on the submission's own transaction: a submission that is
 * refused stores nothing, and bytes stored before are not stored again.
 */
@ApplicationScoped
public class ContentStore {

    /** The bytes of one row: what is held in memory at a time while storing or serving content. */
    public static final int CHUNK = 512 * 1024;

    private final Vertx vertx;

    public ContentStore(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The file's hash and size, read on a worker thread; answered on the caller's context. */
    public Uni<Sha256.Hashed> hash(Path file) {
        return blocking(() -> Sha256.of(file));
    }

    /** Work with files, on a worker thread; answered on the caller's context (where the transaction lives). */
    public <T> Uni<T> blocking(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Stores the file as the content {@code hashed} names, on {@code transaction}, unless it is stored already. */
    public Uni<Void> store(Transaction transaction, Path file, Sha256.Hashed hashed) {
        int chunks = (int) ((hashed.size() + CHUNK - 1) / CHUNK);
        return transaction.update("insert into evidence_content (sha256, size, chunks) values ($1, $2, $3) "
                        + "on conflict do nothing", hashed.sha256(), hashed.size(), chunks)
                .flatMap(inserted -> inserted == 0 || chunks == 0 ? Uni.createFrom().voidItem()
                        : vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true))
                        .flatMap(opened -> Multi.createFrom().range(0, chunks).onItem()
                                .transformToUniAndConcatenate(seq -> opened
                                        .read(Buffer.buffer(CHUNK), 0, (long) seq * CHUNK, CHUNK)
                                        .flatMap(bytes -> transaction.update("insert into evidence_content_chunk "
                                                + "(sha256, seq, data) values ($1, $2, $3)", hashed.sha256(), seq,
                                                bytes.getBytes())))
                                .collect().last()
                                .eventually(opened::close)
                                .replaceWithVoid()));
    }
}
