package io.aimsledger.risk.impact.readmodel;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.risk.v1.ImpactAssessment;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfImpactAssessment;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.support.web.ListQuery;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The impact assessments' read model, written in each command's transaction, read by GET and lists. */
@ApplicationScoped
public class ImpactAssessmentReadModel {

    public Uni<Void> save(Transaction transaction, Decision<ImpactAssessment, OfImpactAssessment> decision) {
        var record = ImpactAssessmentRecord.of(ImpactAssessmentView.of(decision.state(), decision.version(),
                decision.createdAt(), decision.updatedAt()));
        var session = transaction.session();
        return decision.began() ? session.insert(record) : session.update(record);
    }

    public Uni<ImpactAssessmentView> find(UUID id) {
        return Panache.withSession(() -> ImpactAssessmentRecord.<ImpactAssessmentRecord>findById(id))
                .map(record -> record == null ? null : record.view());
    }

    /** The approved, not yet stale assessments of an AI system, read in {@code transaction}. */
    public Uni<List<UUID>> approvedOf(Transaction transaction, UUID aiSystemId) {
        return transaction.query("select id from impact_assessment where ai_system_id = $1 and status = $2 "
                        + "and not stale order by created_at, id", aiSystemId, ImpactAssessmentStatus.APPROVED.name())
                .map(rows -> rows.stream().map(row -> (UUID) row[0]).toList());
    }

    public Uni<Page<ImpactAssessmentView>> list(ImpactAssessmentFilter filter) {
        var query = new ListQuery().equal("aiSystemId", filter.aiSystemId()).equal("status", filter.status())
                .equal("stale", filter.stale()).after(filter.after());
        return Panache.withSession(() -> ImpactAssessmentRecord.<ImpactAssessmentRecord>find(query.query(),
                        query.parameters()).range(0, filter.limit()).list())
                .map(records -> Page.of(records, filter.limit(), ImpactAssessmentRecord::view,
                        view -> new PageCursor(view.createdAt(), view.id())));
    }
}
