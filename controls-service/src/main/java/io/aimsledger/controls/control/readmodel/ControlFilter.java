package io.aimsledger.controls.control.readmodel;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;

/** What a list of controls asks for; null fields do not filter. */
public record ControlFilter(String objectiveId, Applicability applicability, ImplementationStatus implementationStatus,
                            String owner, String framework, String after, int limit) {
}
