package io.aimsledger.audit.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.aimsledger.contracts.EntityType;
import io.aimsledger.contracts.Timeline;

/**
 * Folds one entity's changes of a batch into its current versions in memory, with exactly the steps
 * {@link EntityHistory} takes for one change at a time, so that a batch writes the rows those steps
 * would: a change that takes effect at or after the latest version evolves it; the versions it replaces
 * are closed in system time and written again. Pure. Empty when some change needs the entity's history
 * from the log (a late event, a first event of an entity that had earlier ones): then the caller folds
 * that entity change by change.
 */
public final class IncrementalFold {

    /** A change of the entity and when the log recorded it. */
    public record Logged(Timeline.Change change, Instant recordedAt) {
    }

    /** The stored versions to close (each with its {@code recordedTo}) and the rows to insert. */
    public record Outcome(List<VersionRow> closed, List<VersionRow> inserted) {
    }

    private final EntityType<?, ?> type;
    private final Function<Object, String> viewJson;

    /** @param viewJson writes a published view as the versions table stores it */
    public IncrementalFold(EntityType<?, ?> type, Function<Object, String> viewJson) {
        this.type = type;
        this.viewJson = viewJson;
    }

    /**
     * @param current   the entity's stored versions still known, at least every one that ends at or after
     *                  the earliest change (closed ones need not be given)
     * @param firstEver whether the log holds no event of the entity before these changes
     * @param changes   in log order
     */
    public Optional<Outcome> fold(String entityId, List<VersionRow> current, boolean firstEver, List<Logged> changes) {
        List<Live> live = new ArrayList<>(current.stream().map(row -> new Live(row, true)).toList());
        List<VersionRow> closed = new ArrayList<>();
        List<VersionRow> inserted = new ArrayList<>();
        boolean first = firstEver && current.isEmpty();
        for (Logged logged : changes) {
            Timeline.Change change = logged.change();
            Instant at = change.occurredAt();
            List<Live> affected = live.stream().filter(v -> v.row.affectedBy(at))
                    .sorted(Comparator.comparing(v -> v.row.validFrom())).toList();
            if (affected.isEmpty()) {
                if (!first) {
                    return Optional.empty();
                }
                List<Timeline.Version> versions = Timeline.of(type, List.of(change));
                if (versions.isEmpty()) {
                    return Optional.empty();
                }
                live.add(new Live(row(entityId, versions.getFirst(), logged.recordedAt()), versions.getFirst().fold()));
                first = false;
                continue;
            }
            first = false;
            Live latest = affected.getLast();
            if (latest.row.validTo() != null || at.isBefore(latest.row.validFrom())) {
                return Optional.empty();
            }
            Object state = type.evolveAny(latest.fold(type), change.event());
            if (!type.existsAny(state)) {
                return Optional.empty();
            }
            List<Live> rewritten = new ArrayList<>();
            for (Live version : affected) {
                live.remove(version);
                if (version.stored) {
                    closed.add(version.row.closed(logged.recordedAt()));
                } else {
                    inserted.add(version.row.closed(logged.recordedAt()));
                }
                if (version != latest) {
                    rewritten.add(new Live(version.row.rerecorded(version.row.validTo(), logged.recordedAt()), version.fold));
                }
            }
            if (latest.row.validFrom().isBefore(at)) {
                rewritten.add(new Live(latest.row.rerecorded(at, logged.recordedAt()), latest.fold));
            }
            long version = Math.max(latest.row.streamVersion(), change.streamVersion());
            Instant createdAt = latest.row.createdAt();
            rewritten.add(new Live(row(entityId, new Timeline.Version(at, null, change, type.endedAny(state),
                    type.viewAny(state, version, createdAt, at), state, version, createdAt), logged.recordedAt()), state));
            live.addAll(rewritten);
        }
        live.stream().filter(v -> !v.stored).forEach(v -> inserted.add(v.row));
        return Optional.of(new Outcome(closed, inserted));
    }

    /** A new version as a row known from {@code recordedAt}. */
    public VersionRow row(String entityId, Timeline.Version v, Instant recordedAt) {
        return new VersionRow(type.name(), entityId, v.validFrom(), v.validTo(), recordedAt, null, v.cause().seq(),
                v.cause().eventId(), v.cause().eventType(), v.ended(), viewJson.apply(v.state()), type.writeState(v.fold()),
                v.streamVersion(), v.createdAt());
    }

    /** A version in the making: stored already or not, with its fold's state once read. */
    private static final class Live {
        final VersionRow row;
        final boolean stored;
        Object fold;

        Live(VersionRow row, boolean stored) {
            this.row = row;
            this.stored = stored;
        }

        Live(VersionRow row, Object fold) {
            this(row, false);
            this.fold = fold;
        }

        Object fold(EntityType<?, ?> type) {
            if (fold == null) {
                fold = type.readState(row.fold());
            }
            return fold;
        }
    }
}
