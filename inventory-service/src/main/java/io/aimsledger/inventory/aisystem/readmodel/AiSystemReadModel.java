package io.aimsledger.inventory.aisystem.readmodel;

import java.util.ArrayList;
import java.util.List;
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
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
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
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        condition(where, parameters, "lifecycleStage", filter.lifecycleStage());
        condition(where, parameters, "euAiActRiskClass", filter.riskClass());
        condition(where, parameters, "owner", filter.owner());
        condition(where, parameters, "status", filter.status());
        if (filter.after() != null) {
            where.add("(createdAt, id) > (:afterCreatedAt, :afterId)");
            parameters.and("afterCreatedAt", filter.after().createdAt()).and("afterId", filter.after().id());
        }
        String query = (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ") + "order by createdAt, id";
        return Panache.withSession(() -> AiSystemRecord.<AiSystemRecord>find(query, parameters)
                        .range(0, filter.limit()).list())
                .map(records -> {
                    List<AiSystemView> items = new ArrayList<>(records.size());
                    records.forEach(record -> items.add(record.view()));
                    String next = null;
                    if (items.size() > filter.limit()) {
                        items.removeLast();
                        AiSystemView last = items.getLast();
                        next = new PageCursor(last.createdAt(), last.id()).encode();
                    }
                    return new Page<>(items, next);
                });
    }

    private static void condition(List<String> where, Parameters parameters, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.and(field, value);
        }
    }
}
