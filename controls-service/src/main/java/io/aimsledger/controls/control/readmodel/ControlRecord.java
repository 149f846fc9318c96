package io.aimsledger.controls.control.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.reference.Mappings;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One control of the catalogue's read model, as the command that last changed it left it. */
@Entity
@Table(name = "control")
public class ControlRecord extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "objective_id")
    public String objectiveId;
    @Column(name = "objective_title")
    public String objectiveTitle;
    public String title;
    public String description;
    @Enumerated(EnumType.STRING)
    public ControlSource source;
    @Enumerated(EnumType.STRING)
    public Applicability applicability;
    public String justification;
    @Enumerated(EnumType.STRING)
    @Column(name = "implementation_status")
    public ImplementationStatus implementationStatus;
    @Column(name = "implementation_description")
    public String implementationDescription;
    @Column(name = "target_date")
    public LocalDate targetDate;
    public String owner;
    @Column(name = "linked_risk_ids")
    public String[] linkedRiskIds;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "last_test")
    public ControlView.LastTest lastTest;
    /** The frameworks the control maps to, for the list's {@code framework} filter. */
    public String[] frameworks;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static ControlRecord of(ControlView view) {
        var record = new ControlRecord();
        record.id = view.id();
        record.objectiveId = view.objectiveId();
        record.objectiveTitle = view.objectiveTitle();
        record.title = view.title();
        record.description = view.description();
        record.source = view.source();
        record.applicability = view.applicability();
        record.justification = view.justification();
        record.implementationStatus = view.implementationStatus();
        record.implementationDescription = view.implementationDescription();
        record.targetDate = view.targetDate();
        record.owner = view.owner();
        record.linkedRiskIds = view.linkedRiskIds().stream().map(UUID::toString).toArray(String[]::new);
        record.lastTest = view.lastTest();
        record.frameworks = view.mappings().stream().map(Mappings.Mapping::framework).distinct().toArray(String[]::new);
        record.version = view.version();
        record.createdAt = view.createdAt();
        record.updatedAt = view.updatedAt();
        return record;
    }

    public ControlView view() {
        return new ControlView(id, objectiveId, objectiveTitle, title, description, source, applicability, justification,
                implementationStatus, implementationDescription, targetDate, owner,
                Arrays.stream(linkedRiskIds).map(UUID::fromString).toList(), ControlView.Evidence.NONE,
                lastTest, Mappings.of(id), version, createdAt, updatedAt);
    }
}
