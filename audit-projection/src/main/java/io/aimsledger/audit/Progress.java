package io.aimsledger.audit;

import java.time.Instant;

/** How far the projection has read: what the REST layer needs to know of ingest, and no more. */
public interface Progress {

    /**
     * Whether every partition the projection reads has been read past {@code asOf}: caught up with its
     * end, or already at an event that took effect after it.
     */
    boolean complete(Instant asOf);
}
