package io.aimsledger.support.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {"items": [...], "nextCursor": "..." | null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    /**
     * The page of {@code rows}, read as up to {@code limit + 1} rows in keyset order: the extra row, if
     * any, only says that there is a next page, which starts after the last item kept.
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<T, PageCursor> cursor) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(view.apply(row)));
        String next = null;
        if (items.size() > limit) {
            items.removeLast();
            next = cursor.apply(items.getLast()).encode();
        }
        return new Page<>(items, next);
    }
}
