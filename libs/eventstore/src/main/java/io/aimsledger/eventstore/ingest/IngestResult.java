package io.aimsledger.eventstore.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of one inbound CloudEvent: {@code {"id", "status", "code", "detail"}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(String id, Status status, String code, String detail) {

    public enum Status { APPLIED, DUPLICATE, REJECTED }

    public static IngestResult applied(String id, String detail) {
        return new IngestResult(id, Status.APPLIED, null, detail);
    }

    public static IngestResult duplicate(String id) {
        return new IngestResult(id, Status.DUPLICATE, null, "This event (source and id) was applied before.");
    }

    public static IngestResult rejected(String id, String code, String detail) {
        return new IngestResult(id, Status.REJECTED, code, detail);
    }
}
