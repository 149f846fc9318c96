package io.aimsledger.contracts.evidence.v1;

/** Stored bytes of a piece of evidence: their SHA-256 (lowercase hex), size, media type and the uploaded file's name. */
public record Content(String sha256, long size, String mediaType, String fileName) {
}
