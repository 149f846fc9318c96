package io.aimsledger.inventory.aisystem.domain;

/** The problem codes of the inventory domain, as API.md names them. */
public final class InventoryProblems {

    public static final String NOT_FOUND = "ai-system.not-found";
    public static final String RETIRED = "ai-system.retired";
    public static final String EXISTS = "ai-system.exists";
    public static final String EXTERNAL_REF_TAKEN = "ai-system.external-ref-exists";
    public static final String INVALID_TRANSITION = "lifecycle.invalid-transition";
    public static final String CLASSIFICATION_REQUIRED = "lifecycle.classification-required";
    public static final String PROHIBITED = "lifecycle.prohibited";
    public static final String MODEL_NOT_FOUND = "model.not-found";
    public static final String MODEL_EXISTS = "model.exists";
    public static final String DATASET_NOT_FOUND = "dataset.not-found";
    public static final String DATASET_EXISTS = "dataset.exists";

    private InventoryProblems() {
    }
}
