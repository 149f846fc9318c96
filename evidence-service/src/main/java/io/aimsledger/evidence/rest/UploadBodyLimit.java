package io.aimsledger.evidence.rest;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.evidence.application.Uploads;
import io.aimsledger.evidence.domain.EvidenceProblems;
import io.aimsledger.support.problem.Problem;
import io.aimsledger.support.web.BodyLimit;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * Submissions carry content: an upload ({@code POST /api/v1/evidence}) may be as large as the content limit
 * and its multipart framing, an ingest request ({@code POST /api/v1/ingest}) as large as that content in
 * base64 and its CloudEvent. Larger announced bodies are refused with 413 {@code evidence.too-large} before
 * they are read.
 */
@ApplicationScoped
public class UploadBodyLimit implements BodyLimit {

    /** Room for the metadata part, the multipart framing, or the CloudEvent around the content. */
    private static final long ENVELOPE = 1024 * 1024;

    private final long maxContent;

    public UploadBodyLimit(Uploads uploads) {
        this.maxContent = uploads.maxSize();
    }

    @Override
    public boolean appliesTo(HttpServerRequest request) {
        return request.method() == HttpMethod.POST
                && (request.path().equals("/api/v1/evidence") || request.path().equals("/api/v1/ingest"));
    }

    @Override
    public long maxBytes() {
        return (maxContent + 2) / 3 * 4 + ENVELOPE;
    }

    @Override
    public Problem tooLarge() {
        return Problem.of(413, EvidenceProblems.TOO_LARGE, "Evidence too large", "Evidence content may hold at most "
                + maxContent + " bytes.");
    }
}
