package io.aimsledger.risk.impact.readmodel;

import java.time.Instant;
import java.time.LocalDate;
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

import io.aimsledger.contracts.risk.v1.Decision;
import io.aimsledger.contracts.risk.v1.Impact;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentStatus;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One impact assessment in the read model, as the command that last changed it left it. */
@Entity
@Table(name = "impact_assessment")
public class ImpactAssessmentRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "ai_system_id")
    public UUID aiSystemId;
    public String scope;
    public String assessor;
    @JdbcTypeCode(SqlTypes.JSON)
    public Impacts impacts;
    @Enumerated(EnumType.STRING)
    public ImpactAssessmentStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public Decision decision;
    @Column(name = "next_review_due")
    public LocalDate nextReviewDue;
    public boolean stale;
    @Column(name = "stale_reason")
    public String staleReason;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The impacts, kept as one JSON object (Hibernate Reactive maps a JSON column to an object). */
    public record Impacts(List<Impact> items) {
    }

    public static ImpactAssessmentRecord of(ImpactAssessmentView view) {
        var record = new ImpactAssessmentRecord();
        record.id = view.id();
        record.aiSystemId = view.aiSystemId();
        record.scope = view.scope();
        record.assessor = view.assessor();
        record.impacts = new Impacts(view.impacts());
        record.status = view.status();
        record.decision = view.decision();
        record.nextReviewDue = view.nextReviewDue();
        record.stale = view.stale();
        record.staleReason = view.staleReason();
        record.version = view.version();
        record.createdAt = view.createdAt();
        record.updatedAt = view.updatedAt();
        return record;
    }

    public ImpactAssessmentView view() {
        return new ImpactAssessmentView(id, aiSystemId, scope, assessor, impacts.items(), status, decision,
                nextReviewDue, stale, staleReason, version, createdAt, updatedAt);
    }
}
