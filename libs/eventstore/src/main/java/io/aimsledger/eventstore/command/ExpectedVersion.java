package io.aimsledger.eventstore.command;

import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code If-Match} asks of a stream's version, compared strongly (RFC 9110, 13.1.1): one of the
 * named versions, or, for {@code *}, any version of a resource that exists. A weak tag names nothing,
 * so an {@code If-Match} of weak tags only is never met.
 */
public sealed interface ExpectedVersion {

    boolean isMetBy(long actual);

    /** Exactly this version, as {@code If-Match: "3"}. */
    static ExpectedVersion exactly(long version) {
        return new OneOf(Set.of(version));
    }

    /** {@code If-Match: *}: the resource exists (version 1 or later). */
    record AnyExisting() implements ExpectedVersion {
        @Override
        public boolean isMetBy(long actual) {
            return actual > 0;
        }

        @Override
        public String toString() {
            return "any version of an existing resource";
        }
    }

    /** One of these versions; none when the header named only weak tags. */
    record OneOf(Set<Long> versions) implements ExpectedVersion {
        public OneOf {
            versions = Set.copyOf(versions);
        }

        @Override
        public boolean isMetBy(long actual) {
            return versions.contains(actual);
        }

        @Override
        public String toString() {
            return versions.isEmpty() ? "no version (a weak tag never matches)"
                    : versions.size() == 1 ? "version " + versions.iterator().next() : "one of versions " + new TreeSet<>(versions);
        }
    }
}
