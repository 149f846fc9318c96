package io.aimsledger.support.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model's list query in HQL: the filters a request gave (null values do not filter) and the
 * keyset position after the previous page, ordered by {@code (createdAt, id)}.
 */
public final class ListQuery {

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code field = :field} when {@code value} is given. */
    public ListQuery equal(String field, Object value) {
        return condition(field + " = :" + field, field, value);
    }

    /** {@code condition} (which names {@code :parameter}) when {@code value} is given. */
    public ListQuery condition(String condition, String parameter, Object value) {
        if (value != null) {
            where.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    public ListQuery after(PageCursor cursor) {
        if (cursor != null) {
            where.add("(createdAt, id) > (:afterCreatedAt, :afterId)");
            parameters.put("afterCreatedAt", cursor.createdAt());
            parameters.put("afterId", cursor.id());
        }
        return this;
    }

    public String query() {
        return (where.isEmpty() ? "" : "where " + String.join(" and ", where) + " ") + "order by createdAt, id";
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
