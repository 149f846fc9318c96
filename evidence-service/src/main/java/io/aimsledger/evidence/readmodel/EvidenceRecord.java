package io.aimsledger.evidence.readmodel;

import java.time.Instant;
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

import io.aimsledger.contracts.evidence.v1.Content;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.evidence.v1.Review;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One piece of evidence in the read model, as the command that last changed it left it. */
@Entity
@Table(name = "evidence")
public class EvidenceRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public EvidenceKind kind;
    @Column(name = "control_ids")
    public String[] controlIds;
    @Column(name = "ai_system_ids")
    public String[] aiSystemIds;
    @Column(name = "effective_at")
    public Instant effectiveAt;
    @Column(name = "valid_until")
    public Instant validUntil;
    @Column(name = "collected_by")
    public String collectedBy;
    public String source;
    @JdbcTypeCode(SqlTypes.JSON)
    public Content content;
    @Column(name = "external_uri")
    public String externalUri;
    public String sha256;
    @Enumerated(EnumType.STRING)
    public EvidenceStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    public Reviews reviews;
    @Column(name = "superseded_by")
    public UUID supersededBy;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The reviews, kept as one JSON object (Hibernate Reactive maps a JSON column to an object). */
    public record Reviews(List<Review> items) {
    }

    public static EvidenceRecord of(EvidenceView view) {
        var record = new EvidenceRecord();
        record.id = view.id();
        record.title = view.title();
        record.description = view.description();
        record.kind = view.kind();
        record.controlIds = view.controlIds().toArray(String[]::new);
        record.aiSystemIds = view.aiSystemIds().stream().map(UUID::toString).toArray(String[]::new);
        record.effectiveAt = view.effectiveAt();
        record.validUntil = view.validUntil();
        record.collectedBy = view.collectedBy();
        record.source = view.source();
        record.content = view.content();
        record.externalUri = view.externalUri();
        record.sha256 = view.sha256();
        record.status = view.status();
        record.reviews = new Reviews(view.reviews());
        record.supersededBy = view.supersededBy();
        record.version = view.version();
        record.createdAt = view.createdAt();
        record.updatedAt = view.updatedAt();
        return record;
    }

    public EvidenceView view() {
        return new EvidenceView(id, title, description, kind, List.of(controlIds),
                Arrays.stream(aiSystemIds).map(UUID::fromString).toList(), effectiveAt, validUntil, collectedBy, source,
                content, externalUri, sha256, status, reviews.items(), supersededBy, version, createdAt, updatedAt);
    }
}
