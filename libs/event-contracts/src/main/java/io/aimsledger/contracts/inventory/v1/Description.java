package io.aimsledger.contracts.inventory.v1;

import java.util.List;

/** The descriptive, freely editable fields of an AI system. */
public record Description(String name, String description, String purpose, String owner, String businessUnit,
                          OrganizationRole organizationRole, AiTechnique aiTechnique, String deploymentContext,
                          String humanOversight, List<String> affectedStakeholders, String vendor) {
}
