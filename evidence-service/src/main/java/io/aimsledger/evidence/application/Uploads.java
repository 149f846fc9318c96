package io.aimsledger.evidence.application;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.evidence.v1.Content;
import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.evidence.EvidenceConfig;
import io.aimsledger.evidence.content.ContentStore;
import io.aimsledger.evidence.content.Sha256;
import io.aimsledger.evidence.domain.EvidenceProblems;
import io.aimsledger.support.problem.InvalidRequest;
import io.aimsledger.support.problem.Problem;
import io.smallrye.mutiny.Uni;

/**
 * Content brought with a submission, from a file on disk (an HTTP upload, or inline content an integration
 * sent): refused above the size limit before it is read, hashed, and stored on the submission's transaction.
 */
@ApplicationScoped
public class Uploads {

    /** A file to store and what the submitter said it is. */
    public record Upload(Path file, String fileName, String mediaType) {
    }

    /** An upload that passed the limit, with its hash: the content a submission names. */
    public record Checked(Upload upload, Sha256.Hashed hashed) {

        public Content content() {
            return new Content(hashed.sha256(), hashed.size(), upload.mediaType(), upload.fileName());
        }
    }

    private final ContentStore store;
    private final long maxSize;

    public Uploads(ContentStore store, EvidenceConfig config) {
        this.store = store;
        this.maxSize = config.maxContentSize().asLongValue();
    }

    public long maxSize() {
        return maxSize;
    }

    /** 413 {@code evidence.too-large} above the limit; otherwise the upload with its hash. */
    public Uni<Checked> check(Upload upload) {
        long size;
        try {
            size = Files.size(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (size > maxSize) {
            throw tooLarge(maxSize);
        }
        return store.hash(upload.file()).map(hashed -> new Checked(upload, hashed));
    }

    public static InvalidRequest tooLarge(long maxSize) {
        return new InvalidRequest(Problem.of(413, EvidenceProblems.TOO_LARGE, "Evidence too large",
                "Evidence content may hold at most " + maxSize + " bytes."));
    }

    /** The number of bytes a base64 text decodes to. */
    public static long decodedSize(String base64) {
        int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
        return (long) base64.length() / 4 * 3 - padding;
    }

    /** Inline content written to a temporary file, decoded as it is written; on a worker thread. */
    public Uni<Upload> fromBase64(String base64, String mediaType) {
        return store.blocking(() -> {
            Path file = Files.createTempFile("aims-evidence-", ".bin");
            try (var in = Base64.getDecoder().wrap(new java.io.ByteArrayInputStream(base64.getBytes(StandardCharsets.US_ASCII)));
                 var out = Files.newOutputStream(file)) {
                in.transferTo(out);
            } catch (IOException | IllegalArgumentException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return new Upload(file, null, mediaType);
        });
    }

    public void discard(Upload upload) {
        try {
            Files.deleteIfExists(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the content with the submission that began the evidence's stream (nothing for a repeat). */
    public CommandHandler.AlsoInTransaction<Evidence, EvidenceEvent> storing(Checked checked) {
        return (transaction, decision) -> decision.began()
                ? store.store(transaction, checked.upload().file(), checked.hashed())
                : Uni.createFrom().voidItem();
    }
}
