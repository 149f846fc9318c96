package io.aimsledger.contracts.inventory.v1;

/** The organisation's role towards the AI system (EU AI Act terms). */
public enum OrganizationRole {
    PROVIDER, DEPLOYER, PROVIDER_AND_DEPLOYER, IMPORTER, DISTRIBUTOR
}
