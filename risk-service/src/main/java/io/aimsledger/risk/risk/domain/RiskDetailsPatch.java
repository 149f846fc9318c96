package io.aimsledger.risk.risk.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.aimsledger.contracts.risk.v1.RiskCategory;
import io.aimsledger.contracts.risk.v1.RiskDetails;

/**
 * A merge patch of a risk's details: each field named is set to its value (null clears an optional
 * field). Values are already checked by the adapter that read them.
 */
public record RiskDetailsPatch(Map<String, Object> changes) {

    public static final List<String> FIELDS = List.of("title", "description", "category", "source", "owner",
            "reviewDue");

    /** The details after the patch and the fields whose value changed. */
    public record Result(RiskDetails details, List<String> changedFields) {
    }

    public Result applyTo(RiskDetails before) {
        RiskDetails after = new RiskDetails(
                (String) value("title", before.title()),
                (String) value("description", before.description()),
                (RiskCategory) value("category", before.category()),
                (String) value("source", before.source()),
                (String) value("owner", before.owner()),
                (LocalDate) value("reviewDue", before.reviewDue()));
        List<String> changed = new ArrayList<>();
        compare(changed, "title", before.title(), after.title());
        compare(changed, "description", before.description(), after.description());
        compare(changed, "category", before.category(), after.category());
        compare(changed, "source", before.source(), after.source());
        compare(changed, "owner", before.owner(), after.owner());
        compare(changed, "reviewDue", before.reviewDue(), after.reviewDue());
        return new Result(after, changed);
    }

    private Object value(String field, Object before) {
        return changes.containsKey(field) ? changes.get(field) : before;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}
