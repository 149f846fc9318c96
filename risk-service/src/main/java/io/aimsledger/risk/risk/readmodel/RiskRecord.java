package io.aimsledger.risk.risk.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.aimsledger.contracts.risk.v1.Acceptance;
import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskLevel;
import io.aimsledger.contracts.risk.v1.RiskStatus;
import io.aimsledger.contracts.risk.v1.RiskView;
import io.aimsledger.contracts.risk.v1.Treatment;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One risk in the register's read model, as the command that last changed it left it. */
@Entity
@Table(name = "risk")
public class RiskRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ai_system_ids")
    public String[] aiSystemIds;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public RiskCategory category;
    public String source;
    public String owner;
    @JdbcTypeCode(SqlTypes.JSON)
    public RiskView.Score inherent;
    @JdbcTypeCode(SqlTypes.JSON)
    public Treatment treatment;
    @JdbcTypeCode(SqlTypes.JSON)
    public RiskView.Score residual;
    @Enumerated(EnumType.STRING)
    public RiskLevel level;
    @Enumerated(EnumType.STRING)
    public RiskStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public Acceptance acceptance;
    @Column(name = "review_due")
    public LocalDate reviewDue;
    @Column(name = "over_appetite")
    public boolean overAppetite;
    @JdbcTypeCode(SqlTypes.JSON)
    public Signals signals;
    @Column(name = "signal_metrics")
    public String[] signalMetrics;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The recent signals, kept as one JSON object (Hibernate Reactive maps a JSON column to an object). */
    public record Signals(List<RiskView.SignalView> items) {
    }

    public static RiskRecord of(RiskView view) {
        var record = new RiskRecord();
        record.id = view.id();
        record.aiSystemIds = view.aiSystemIds().stream().map(UUID::toString).toArray(String[]::new);
        record.title = view.title();
        record.description = view.description();
        record.category = view.category();
        record.source = view.source();
        record.owner = view.owner();
        record.inherent = view.inherent();
        record.treatment = view.treatment();
        record.residual = view.residual();
        RiskView.Score current = view.residual() != null ? view.residual() : view.inherent();
        record.level = current == null ? null : current.level();
        record.status = view.status();
        record.acceptance = view.acceptance();
        record.reviewDue = view.reviewDue();
        record.overAppetite = view.overAppetite();
        record.signals = new Signals(view.signals());
        record.signalMetrics = view.signals().stream().map(RiskView.SignalView::metric).distinct().toArray(String[]::new);
        record.version = view.version();
        record.createdAt = view.createdAt();
        record.updatedAt = view.updatedAt();
        return record;
    }

    public RiskView view() {
        return new RiskView(id, Arrays.stream(aiSystemIds).map(UUID::fromString).toList(), title, description, category, source, owner, inherent, treatment,
                residual, status, acceptance, reviewDue, overAppetite, signals.items(), version, createdAt, updatedAt);
    }
}
