package io.aimsledger.inventory.aisystem.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.decider.Rejection;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.inventory.aisystem.domain.InventoryProblems;
import io.aimsledger.support.web.Page;
import io.aimsledger.support.web.PageCursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/** The {@code ai_system} read model: written on the command's transaction, read by GET and lists. */
@ApplicationScoped
public class AiSystemRows {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String UPSERT = """
            insert into ai_system (id, owner, lifecycle_stage, eu_ai_act_risk_class, status, external_ref, version,
                                   created_at, updated_at, view)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9::text::jsonb)
            on conflict (id) do update set owner = excluded.owner, lifecycle_stage = excluded.lifecycle_stage,
                eu_ai_act_risk_class = excluded.eu_ai_act_risk_class, status = excluded.status,
                version = excluded.version, updated_at = excluded.updated_at, view = excluded.view
            """;

    private final ObjectMapper json;

    public AiSystemRows(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> save(SqlClient client, AiSystem system, long version, CommandContext context) {
        var at = OffsetDateTime.ofInstant(context.at(), ZoneOffset.UTC);
        // Timestamps live in their columns; the stored view leaves them out and find() puts them back.
        var view = AiSystemView.of(system, version, null, null);
        return client.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] {system.id(), view.owner(), view.lifecycleStage().name(),
                        view.euAiActRiskClass().name(), view.status().name(), system.externalRef(), version, at,
                        write(view)}))
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .transform(e -> Rejection.conflict(InventoryProblems.EXTERNAL_REF_TAKEN,
                        "Another AI system already has the external reference " + system.externalRef() + "."))
                .replaceWithVoid();
    }

    public Uni<AiSystemView> find(SqlClient client, UUID id) {
        return client.preparedQuery("select view::text, version, created_at, updated_at from ai_system where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : toView(rows.iterator().next()));
    }

    public Uni<UUID> findIdByExternalRef(SqlClient client, String externalRef) {
        return client.preparedQuery("select id from ai_system where external_ref = $1")
                .execute(Tuple.of(externalRef))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    public Uni<Page<AiSystemView>> list(SqlClient client, AiSystemFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        condition(where, args, "lifecycle_stage = $%d", filter.lifecycleStage() == null ? null : filter.lifecycleStage().name());
        condition(where, args, "eu_ai_act_risk_class = $%d", filter.riskClass() == null ? null : filter.riskClass().name());
        condition(where, args, "owner = $%d", filter.owner());
        condition(where, args, "status = $%d", filter.status() == null ? null : filter.status().name());
        if (filter.after() != null) {
            args.add(OffsetDateTime.ofInstant(filter.after().createdAt(), ZoneOffset.UTC));
            args.add(filter.after().id());
            where.add("(created_at, id) > ($" + (args.size() - 1) + ", $" + args.size() + ")");
        }
        args.add(filter.limit() + 1);
        String sql = "select view::text, version, created_at, updated_at from ai_system"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by created_at, id limit $" + args.size();
        return client.preparedQuery(sql).execute(Tuple.from(args)).map(rows -> {
            List<AiSystemView> items = new ArrayList<>();
            rows.forEach(row -> items.add(toView(row)));
            String next = null;
            if (items.size() > filter.limit()) {
                items.removeLast();
                AiSystemView last = items.getLast();
                next = new PageCursor(last.createdAt(), last.id()).encode();
            }
            return new Page<>(items, next);
        });
    }

    private static void condition(List<String> where, List<Object> args, String clause, Object value) {
        if (value != null) {
            args.add(value);
            where.add(clause.formatted(args.size()));
        }
    }

    private AiSystemView toView(Row row) {
        try {
            AiSystemView stored = json.readValue(row.getString(0), AiSystemView.class);
            return new AiSystemView(stored.id(), stored.name(), stored.description(), stored.purpose(), stored.owner(),
                    stored.businessUnit(), stored.organizationRole(), stored.aiTechnique(), stored.deploymentContext(),
                    stored.humanOversight(), stored.affectedStakeholders(), stored.vendor(), stored.lifecycleStage(),
                    stored.euAiActRiskClass(), stored.classificationRationale(), stored.status(), stored.models(),
                    stored.datasets(), stored.externalRef(), row.getLong(1), row.getOffsetDateTime(2).toInstant(),
                    row.getOffsetDateTime(3).toInstant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored view of an AI system cannot be read", e);
        }
    }

    private String write(AiSystemView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
