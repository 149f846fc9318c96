package io.aimsledger.evidence.domain;

/** The stable problem codes of evidence (API.md, "evidence-service"). */
public final class EvidenceProblems {
    public static final String NOT_FOUND = "evidence.not-found";
    public static final String EXISTS = "evidence.exists";
    public static final String TOO_LARGE = "evidence.too-large";
    public static final String CONTENT_CORRUPT = "evidence.content-corrupt";
    public static final String NO_STORED_CONTENT = "evidence.no-stored-content";
    public static final String HASH_MISMATCH = "evidence.hash-mismatch";
    public static final String VALIDITY = "evidence.valid-until-not-after-effective";
    public static final String ALREADY_REVIEWED = "evidence.already-reviewed";
    public static final String SUPERSEDED = "evidence.superseded";
    public static final String SUPERSEDES_ITSELF = "evidence.supersedes-itself";
    public static final String UNKNOWN_EVIDENCE = "evidence.unknown-evidence";
    public static final String SAME_PERSON = "approval.same-person";

    private EvidenceProblems() {
    }
}
