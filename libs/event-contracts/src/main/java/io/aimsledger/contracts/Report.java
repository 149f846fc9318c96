package io.aimsledger.contracts;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * A report over one collection of the published language: rows made from the entities' views, the same
 * whoever makes them. A service answers it from its read model now; the audit projection answers it from
 * the views as they stood at an instant ({@code GET /api/v1/audit/{report}?asOf=&knownAt=}), with no code
 * of its own for any report.
 *
 * @param name       the report as paths name it ({@code soa})
 * @param collection the entity type's collection it is made from ({@code controls})
 * @param view       the class of that type's view, to read the views the audit kept
 * @param columns    the column names of its tabular forms
 * @param rows       the rows of a list of views
 * @param values     a row's values in column order
 * @param related    what the views take from other collections as they stood at the same instant (the
 *                   controls' evidence summaries from the evidence); a service's views have it already
 */
public record Report<V, R>(String name, String collection, Class<V> view, List<String> columns,
                           Function<List<V>, List<R>> rows, Function<R, List<Object>> values, Related<V> related) {

    /** Views of another collection as they stood at the report's instant. */
    @FunctionalInterface
    public interface Collections {
        <T> List<T> views(String collection, Class<T> view);
    }

    /** Completes the report's views with what other collections say of them at {@code at}. */
    @FunctionalInterface
    public interface Related<V> {
        List<V> complete(List<V> views, Collections others, Instant at);
    }

    /** The views completed by {@link #related}. */
    @SuppressWarnings("unchecked")
    public List<V> completed(List<?> views, Collections others, Instant at) {
        return related.complete((List<V>) views, others, at);
    }

    /** The rows of views read as {@link #view}. */
    @SuppressWarnings("unchecked")
    public List<R> rowsOf(List<?> views) {
        return rows.apply((List<V>) views);
    }

    public List<List<Object>> table(List<R> rows) {
        return rows.stream().map(values).toList();
    }
}
