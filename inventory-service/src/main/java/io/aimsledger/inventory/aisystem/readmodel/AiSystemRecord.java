package io.aimsledger.inventory.aisystem.readmodel;

import java.time.Instant;
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

import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One AI system in the inventory's read model, as the command that last changed it left it. */
@Entity
@Table(name = "ai_system")
public class AiSystemRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String name;
    public String description;
    public String purpose;
    public String owner;
    @Column(name = "business_unit")
    public String businessUnit;
    @Enumerated(EnumType.STRING)
    @Column(name = "organization_role")
    public OrganizationRole organizationRole;
    @Enumerated(EnumType.STRING)
    @Column(name = "ai_technique")
    public AiTechnique aiTechnique;
    @Column(name = "deployment_context")
    public String deploymentContext;
    @Column(name = "human_oversight")
    public String humanOversight;
    @Column(name = "affected_stakeholders")
    public String[] affectedStakeholders;
    public String vendor;
    @Enumerated(EnumType.STRING)
    @Column(name = "lifecycle_stage")
    public LifecycleStage lifecycleStage;
    @Enumerated(EnumType.STRING)
    @Column(name = "eu_ai_act_risk_class")
    public EuAiActRiskClass euAiActRiskClass;
    @Column(name = "classification_rationale")
    public String classificationRationale;
    @Enumerated(EnumType.STRING)
    public AiSystemView.Status status;
    @JdbcTypeCode(SqlTypes.JSON)
    public Components components;
    @Column(name = "external_ref")
    public String externalRef;
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static AiSystemRecord of(AiSystem system, long version, Instant createdAt, Instant updatedAt) {
        var d = system.description();
        var record = new AiSystemRecord();
        record.id = system.id();
        record.name = d.name();
        record.description = d.description();
        record.purpose = d.purpose();
        record.owner = d.owner();
        record.businessUnit = d.businessUnit();
        record.organizationRole = d.organizationRole();
        record.aiTechnique = d.aiTechnique();
        record.deploymentContext = d.deploymentContext();
        record.humanOversight = d.humanOversight();
        record.affectedStakeholders = d.affectedStakeholders() == null ? new String[0]
                : d.affectedStakeholders().toArray(String[]::new);
        record.vendor = d.vendor();
        record.lifecycleStage = system.lifecycleStage();
        record.euAiActRiskClass = system.riskClass();
        record.classificationRationale = system.classificationRationale();
        record.status = system.retired() ? AiSystemView.Status.RETIRED : AiSystemView.Status.ACTIVE;
        record.components = new Components(List.copyOf(system.models().values()),
                List.copyOf(system.datasets().values()));
        record.externalRef = system.externalRef();
        record.version = version;
        record.createdAt = createdAt;
        record.updatedAt = updatedAt;
        return record;
    }

    public AiSystemView view() {
        return new AiSystemView(id, name, description, purpose, owner, businessUnit, organizationRole, aiTechnique,
                deploymentContext, humanOversight, List.of(affectedStakeholders), vendor, lifecycleStage,
                euAiActRiskClass, classificationRationale, status, components.models(), components.datasets(), externalRef, version, createdAt,
                updatedAt);
    }

    /** The system's models and datasets, kept together as one JSON object. */
    public record Components(List<AiSystem.Model> models, List<AiSystem.Dataset> datasets) {
    }
}
