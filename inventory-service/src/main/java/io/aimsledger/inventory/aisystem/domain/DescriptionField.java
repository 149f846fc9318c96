package io.aimsledger.inventory.aisystem.domain;

import java.util.List;
import java.util.function.Function;

import io.aimsledger.contracts.inventory.v1.AiTechnique;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

/** The writable descriptive fields of an AI system, by their API names. */
public enum DescriptionField {
    NAME("name", true, Description::name),
    DESCRIPTION("description", false, Description::description),
    PURPOSE("purpose", true, Description::purpose),
    OWNER("owner", true, Description::owner),
    BUSINESS_UNIT("businessUnit", false, Description::businessUnit),
    ORGANIZATION_ROLE("organizationRole", true, Description::organizationRole),
    AI_TECHNIQUE("aiTechnique", false, Description::aiTechnique),
    DEPLOYMENT_CONTEXT("deploymentContext", false, Description::deploymentContext),
    HUMAN_OVERSIGHT("humanOversight", false, Description::humanOversight),
    AFFECTED_STAKEHOLDERS("affectedStakeholders", false, Description::affectedStakeholders),
    VENDOR("vendor", false, Description::vendor);

    private final String apiName;
    private final boolean required;
    private final Function<Description, Object> getter;

    DescriptionField(String apiName, boolean required, Function<Description, Object> getter) {
        this.apiName = apiName;
        this.required = required;
        this.getter = getter;
    }

    public String apiName() {
        return apiName;
    }

    /** Required fields can be changed but never cleared. */
    public boolean required() {
        return required;
    }

    public Object get(Description description) {
        return getter.apply(description);
    }

    @SuppressWarnings("unchecked")
    Description set(Description d, Object value) {
        return switch (this) {
            case NAME -> new Description((String) value, d.description(), d.purpose(), d.owner(), d.businessUnit(),
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case DESCRIPTION -> new Description(d.name(), (String) value, d.purpose(), d.owner(), d.businessUnit(),
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case PURPOSE -> new Description(d.name(), d.description(), (String) value, d.owner(), d.businessUnit(),
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case OWNER -> new Description(d.name(), d.description(), d.purpose(), (String) value, d.businessUnit(),
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case BUSINESS_UNIT -> new Description(d.name(), d.description(), d.purpose(), d.owner(), (String) value,
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case ORGANIZATION_ROLE -> new Description(d.name(), d.description(), d.purpose(), d.owner(),
                    d.businessUnit(), (OrganizationRole) value, d.aiTechnique(), d.deploymentContext(),
                    d.humanOversight(), d.affectedStakeholders(), d.vendor());
            case AI_TECHNIQUE -> new Description(d.name(), d.description(), d.purpose(), d.owner(), d.businessUnit(),
                    d.organizationRole(), (AiTechnique) value, d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case DEPLOYMENT_CONTEXT -> new Description(d.name(), d.description(), d.purpose(), d.owner(),
                    d.businessUnit(), d.organizationRole(), d.aiTechnique(), (String) value, d.humanOversight(),
                    d.affectedStakeholders(), d.vendor());
            case HUMAN_OVERSIGHT -> new Description(d.name(), d.description(), d.purpose(), d.owner(),
                    d.businessUnit(), d.organizationRole(), d.aiTechnique(), d.deploymentContext(), (String) value,
                    d.affectedStakeholders(), d.vendor());
            case AFFECTED_STAKEHOLDERS -> new Description(d.name(), d.description(), d.purpose(), d.owner(),
                    d.businessUnit(), d.organizationRole(), d.aiTechnique(), d.deploymentContext(),
                    d.humanOversight(), value == null ? List.of() : List.copyOf((List<String>) value), d.vendor());
            case VENDOR -> new Description(d.name(), d.description(), d.purpose(), d.owner(), d.businessUnit(),
                    d.organizationRole(), d.aiTechnique(), d.deploymentContext(), d.humanOversight(),
                    d.affectedStakeholders(), (String) value);
        };
    }
}
