package io.aimsledger.inventory.aisystem.readmodel;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.SqlErrors;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.aimsledger.support.web.ListQuery;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The inventory's read model: {@link AiSystemRecord}s, written in each command's transaction, read by GET and lists. */
@ApplicationScoped
public class AiSystemReadModel {

    public Uni<Void> save(Transaction transaction, Decision<AiSystem, InventoryEvent> decision) {
        AiSystem system = decision.state();
        var record = AiSystemRecord.of(system, decision.version(), decision.createdAt(), decision.updatedAt());
        var session = transaction.session();
        // One statement either way; an upsert would try the update first and then insert.
        return (decision.began() ? session.insert(record) : session.update(record))
                .onFailure(SqlErrors::isUniqueViolation)
                .transform(e -> Rejection.conflict(InventoryProblems.EXTERNAL_REF_TAKEN,
                        "Another AI system already has the external reference " + system.externalRef() + "."));
    }

    public Uni<AiSystemView> find(UUID id) {
        return Panache.withSession(() -> AiSystemRecord.<AiSystemRecord>findById(id))
                .map(record -> record == null ? null : record.view());
    }

    public Uni<UUID> findIdByExternalRef(String externalRef) {
        return Panache.withSession(() -> AiSystemRecord.<AiSystemRecord>find("externalRef", externalRef).firstResult())
                .map(found -> found == null ? null : found.id);
    }

    public Uni<Page<AiSystemView>> list(AiSystemFilter filter) {
        var query = new ListQuery().equal("lifecycleStage", filter.lifecycleStage())
                .equal("euAiActRiskClass", filter.riskClass()).equal("owner", filter.owner())
                .equal("status", filter.status()).after(filter.after());
        return Panache.withSession(() -> AiSystemRecord.<AiSystemRecord>find(query.query(), query.parameters())
                        .range(0, filter.limit()).list())
                .map(records -> Page.of(records, filter.limit(), AiSystemRecord::view,
                        view -> new PageCursor(view.createdAt(), view.id())));
    }
}
