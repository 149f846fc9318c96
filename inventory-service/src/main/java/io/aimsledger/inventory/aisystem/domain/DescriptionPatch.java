package io.aimsledger.inventory.aisystem.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.aimsledger.contracts.inventory.v1.Description;

/**
 * A JSON merge patch of the descriptive fields, already checked for types: a field present with a
 * value sets it, present with null clears it (never a required one), absent keeps it.
 */
public record DescriptionPatch(Map<DescriptionField, Object> changes) {

    public DescriptionPatch {
        var copy = new EnumMap<DescriptionField, Object>(DescriptionField.class);
        copy.putAll(changes);
        changes = Collections.unmodifiableMap(copy);
    }

    /** The description after the patch, and the fields whose value it really changed. */
    public Result applyTo(Description current) {
        Description next = current;
        List<String> changed = new ArrayList<>();
        for (var change : changes.entrySet()) {
            DescriptionField field = change.getKey();
            Description patched = field.set(next, change.getValue());
            if (!Objects.equals(field.get(patched), field.get(current))) {
                changed.add(field.apiName());
            }
            next = patched;
        }
        return new Result(next, changed);
    }

    public record Result(Description description, List<String> changedFields) {
    }
}
