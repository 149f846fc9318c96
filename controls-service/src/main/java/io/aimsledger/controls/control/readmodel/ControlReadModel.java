package io.aimsledger.controls.control.readmodel;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.controls.evidence.EvidenceSummaries;
import io.aimsledger.eventstore.command.Decision;
import io.aimsledger.eventstore.tx.Transaction;
import io.aimsledger.support.web.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * The catalogue's read model, written in each command's transaction. Lists are in id order, the order of
 * the Annex A and of a Statement of Applicability; the cursor is the last id of the page.
 */
@ApplicationScoped
public class ControlReadModel {

    private final EvidenceSummaries evidence;

    public ControlReadModel(EvidenceSummaries evidence) {
        this.evidence = evidence;
    }

    public Uni<Void> save(Transaction transaction, Decision<Control, ControlEvent> decision) {
        var record = ControlRecord.of(ControlView.of(decision.state(), decision.version(), decision.createdAt(),
                decision.updatedAt()));
        var session = transaction.session();
        return decision.began() ? session.insert(record) : session.update(record);
    }

    public Uni<ControlView> find(String id) {
        return Panache.withSession(() -> ControlRecord.<ControlRecord>findById(id))
                .map(record -> record == null ? null : record.view()).flatMap(evidence::with);
    }

    public Uni<Page<ControlView>> list(ControlFilter filter) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Parameters parameters = new Parameters();
        condition(where, parameters, "objectiveId = :objectiveId", "objectiveId", filter.objectiveId());
        condition(where, parameters, "applicability = :applicability", "applicability", filter.applicability());
        condition(where, parameters, "implementationStatus = :implementationStatus", "implementationStatus",
                filter.implementationStatus());
        condition(where, parameters, "owner = :owner", "owner", filter.owner());
        condition(where, parameters, "array_contains(frameworks, :framework)", "framework", filter.framework());
        condition(where, parameters, "id > :after", "after", filter.after());
        return Panache.withSession(() -> ControlRecord.<ControlRecord>find(where + " order by id", parameters)
                        .range(0, filter.limit()).list())
                .map(records -> {
                    List<ControlView> items = new java.util.ArrayList<>(records.stream().map(ControlRecord::view).toList());
                    String next = null;
                    if (items.size() > filter.limit()) {
                        items.removeLast();
                        next = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                                items.getLast().id().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                    return new Page<>(items, next);
                }).flatMap(page -> evidence.with(page.items()).map(items -> new Page<>(items, page.nextCursor())));
    }

    /** Every control in id order: the rows of the Statement of Applicability. */
    public Uni<List<ControlView>> all() {
        return Panache.withSession(() -> ControlRecord.<ControlRecord>listAll(io.quarkus.panache.common.Sort.by("id")))
                .map(records -> records.stream().map(ControlRecord::view).toList()).flatMap(evidence::with);
    }

    private static void condition(StringBuilder where, Parameters parameters, String condition, String name, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.and(name, value);
        }
    }
}
