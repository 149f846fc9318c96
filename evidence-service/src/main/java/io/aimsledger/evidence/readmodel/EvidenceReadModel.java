package io.aimsledger.evidence.readmodel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.support.web.ListQuery;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The evidence read model: {@link EvidenceRecord}s, written in each command's transaction, read by GET and lists. */
@ApplicationScoped
public class EvidenceReadModel {

    public Uni<Void> save(Transaction transaction, Decision<Evidence, EvidenceEvent> decision) {
        var record = EvidenceRecord.of(EvidenceView.of(decision.state(), decision.version(), decision.createdAt(),
                decision.updatedAt()));
        var session = transaction.session();
        return decision.began() ? session.insert(record) : session.update(record);
    }

    public Uni<EvidenceView> find(UUID id) {
        return Panache.withSession(() -> EvidenceRecord.<EvidenceRecord>findById(id))
                .map(record -> record == null ? null : record.view());
    }

    public Uni<Page<EvidenceView>> list(EvidenceFilter filter) {
        var query = new ListQuery().condition("array_contains(controlIds, :controlId)", "controlId", filter.controlId())
                .condition("array_contains(aiSystemIds, :aiSystemId)", "aiSystemId",
                        filter.aiSystemId() == null ? null : filter.aiSystemId().toString())
                .equal("status", filter.status())
                .condition("validUntil < :expiringBefore", "expiringBefore", filter.expiringBefore())
                .after(filter.after());
        return Panache.withSession(() -> EvidenceRecord.<EvidenceRecord>find(query.query(), query.parameters())
                        .range(0, filter.limit()).list())
                .map(records -> Page.of(records, filter.limit(), EvidenceRecord::view,
                        view -> new PageCursor(view.createdAt(), view.id())));
    }

    /** A piece of evidence to expire, and when. */
    public record Due(UUID id, Instant validUntil) {
    }

    /** Evidence whose {@code validUntil} is at or before {@code now} and that has not expired yet, oldest first. */
    public Uni<List<Due>> dueToExpire(Instant now, int limit) {
        return Panache.withSession(() -> EvidenceRecord.<EvidenceRecord>find("validUntil <= :now and status in :open "
                                + "order by validUntil, id", Parameters.with("now", now)
                                .and("open", List.of(EvidenceStatus.PENDING_REVIEW, EvidenceStatus.ACCEPTED)))
                        .range(0, limit - 1).list())
                .map(records -> records.stream().map(record -> new Due(record.id, record.validUntil)).toList());
    }
}
