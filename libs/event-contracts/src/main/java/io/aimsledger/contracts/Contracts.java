package io.aimsledger.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

import io.aimsledger.contracts.controls.v1.Control;
import io.aimsledger.contracts.controls.v1.ControlEvent;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.controls.v1.StatementOfApplicability;
import io.aimsledger.contracts.evidence.v1.Evidence;
import io.aimsledger.contracts.evidence.v1.EvidenceEvent;
import io.aimsledger.contracts.evidence.v1.EvidenceSummary;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.inventory.v1.AiSystem;
import io.aimsledger.contracts.inventory.v1.AiSystemView;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.risk.v1.ImpactAssessment;
import io.aimsledger.contracts.risk.v1.ImpactAssessmentView;
import io.aimsledger.contracts.risk.v1.Risk;
import io.aimsledger.contracts.risk.v1.RiskEvent;
import io.aimsledger.contracts.risk.v1.RiskView;

/**
 * Every contract the platform publishes. A new domain or version adds one line here; a test adds one
 * of its own through a {@link ContractProvider}.
 */
public final class Contracts {

    public static final DomainContract INVENTORY_V1 = new DomainContract("inventory", 1, InventoryEvent.class);

    public static final DomainContract RISK_V1 = new DomainContract("risk", 1, RiskEvent.class);

    public static final DomainContract CONTROLS_V1 = new DomainContract("controls", 1, ControlEvent.class);

    public static final DomainContract EVIDENCE_V1 = new DomainContract("evidence", 1, EvidenceEvent.class);

    public static final ContractRegistry REGISTRY = new ContractRegistry(all(List.of(INVENTORY_V1, RISK_V1,
            CONTROLS_V1, EVIDENCE_V1)));

    public static final EntityType<AiSystem, InventoryEvent> AI_SYSTEM = new EntityType<>("ai-system", "ai-systems",
            INVENTORY_V1, InventoryEvent.class, AiSystem.none(), AiSystem::evolve,
            system -> system.registered() && system.description() != null, AiSystem::retired, AiSystemView::of);

    public static final EntityType<Risk, RiskEvent.OfRisk> RISK = new EntityType<>("risk", "risks", RISK_V1,
            RiskEvent.OfRisk.class, Risk.none(), Risk::evolve, Risk::exists, Risk::closed, RiskView::of);

    public static final EntityType<ImpactAssessment, RiskEvent.OfImpactAssessment> IMPACT_ASSESSMENT =
            new EntityType<>("impact-assessment", "impact-assessments", RISK_V1, RiskEvent.OfImpactAssessment.class,
                    ImpactAssessment.none(), ImpactAssessment::evolve, ImpactAssessment::exists, assessment -> false,
                    ImpactAssessmentView::of);

    public static final EntityType<Control, ControlEvent> CONTROL = new EntityType<>("control", "controls",
            CONTROLS_V1, ControlEvent.class, Control.none(), Control::evolve, Control::exists, control -> false,
            ControlView::of);

    public static final EntityType<Evidence, EvidenceEvent> EVIDENCE = new EntityType<>("evidence", "evidence",
            EVIDENCE_V1, EvidenceEvent.class, Evidence.none(), Evidence::evolve, Evidence::exists,
            Evidence::superseded, EvidenceView::of);

    public static final EntityTypes ENTITY_TYPES = new EntityTypes(allTypes(List.of(AI_SYSTEM, RISK,
            IMPACT_ASSESSMENT, CONTROL, EVIDENCE)));

    /** The reports over collections (API.md): the Statement of Applicability over the controls. */
    public static final List<Report<?, ?>> REPORTS = List.of(new Report<>("soa", "controls", ControlView.class,
            StatementOfApplicability.COLUMNS, StatementOfApplicability::of, StatementOfApplicability.Row::values,
            (controls, others, at) -> EvidenceSummary.complete(controls, others.views("evidence", EvidenceView.class),
                    at)));

    /**
     * The lists of the whole-state document (API.md, {@code GET /api/v1/audit/state}), in order; a list
     * whose entity type is not published yet is empty.
     */
    public static final List<String> STATE_COLLECTIONS = List.of("ai-systems", "risks", "impact-assessments",
            "controls", "evidence");

    private Contracts() {
    }

    private static List<EntityType<?, ?>> allTypes(List<EntityType<?, ?>> published) {
        List<EntityType<?, ?>> types = new ArrayList<>(published);
        ServiceLoader.load(ContractProvider.class, Contracts.class.getClassLoader())
                .forEach(provider -> types.addAll(provider.entityTypes()));
        return types;
    }

    private static List<DomainContract> all(List<DomainContract> published) {
        List<DomainContract> contracts = new ArrayList<>(published);
        ServiceLoader.load(ContractProvider.class, Contracts.class.getClassLoader())
                .forEach(provider -> contracts.addAll(provider.contracts()));
        return contracts;
    }
}
