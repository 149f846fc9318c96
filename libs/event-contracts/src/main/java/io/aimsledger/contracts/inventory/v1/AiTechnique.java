package io.aimsledger.contracts.inventory.v1;

/** How the AI system works. */
public enum AiTechnique {
    MACHINE_LEARNING, DEEP_LEARNING, GENERATIVE_AI, RULE_BASED, STATISTICAL, OTHER
}
