package io.aimsledger.risk.risk.readmodel;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskEvent.OfRisk;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.support.web.ListQuery;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** The register's read model: {@link RiskRecord}s, written in each command's transaction, read by GET and lists. */
@ApplicationScoped
public class RiskReadModel {

    public Uni<Void> save(Transaction transaction, Decision<Risk, OfRisk> decision) {
        var record = RiskRecord.of(RiskView.of(decision.state(), decision.version(), decision.createdAt(),
                decision.updatedAt()));
        var session = transaction.session();
        return decision.began() ? session.insert(record) : session.update(record);
    }

    public Uni<RiskView> find(UUID id) {
        return Panache.withSession(() -> RiskRecord.<RiskRecord>findById(id))
                .map(record -> record == null ? null : record.view());
    }

    /** An open risk and when it began. */
    public record OpenRisk(UUID id, Instant createdAt) {
    }

    /** The open risk of an AI system that carries signals of {@code metric} in {@code category}, if any. */
    public Uni<OpenRisk> findOpenWithSignal(UUID aiSystemId, RiskCategory category, String metric) {
        return Panache.withSession(() -> RiskRecord.<RiskRecord>find("array_contains(aiSystemIds, :aiSystemId) "
                        + "and category = :category and array_contains(signalMetrics, :metric) and status <> 'CLOSED' "
                        + "order by createdAt, id", Parameters.with("aiSystemId", aiSystemId.toString()).and("category", category)
                        .and("metric", metric)).firstResult())
                .map(found -> found == null ? null : new OpenRisk(found.id, found.createdAt));
    }

    public Uni<Page<RiskView>> list(RiskFilter filter) {
        var query = new ListQuery().condition("array_contains(aiSystemIds, :aiSystemId)", "aiSystemId",
                        filter.aiSystemId() == null ? null : filter.aiSystemId().toString())
                .equal("status", filter.status()).equal("level", filter.level()).equal("owner", filter.owner())
                .equal("overAppetite", filter.overAppetite()).after(filter.after());
        return Panache.withSession(() -> RiskRecord.<RiskRecord>find(query.query(), query.parameters())
                        .range(0, filter.limit()).list())
                .map(records -> Page.of(records, filter.limit(), RiskRecord::view,
                        view -> new PageCursor(view.createdAt(), view.id())));
    }
}
