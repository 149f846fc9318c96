package io.aimsledger.audit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.aimsledger.audit.gadget.GadgetContract;
import io.aimsledger.audit.gadget.GadgetContract.GadgetEvent;
import io.aimsledger.contracts.Timeline;

/**
 * A poll's changes folded at once write exactly the rows that folding them one at a time writes, however
 * the changes are split into polls; and what is still known is the pure fold of them all.
 */
class IncrementalFoldTest {

    private static final Instant START = Instant.parse("2026-06-01T00:00:00Z");
    private static final IncrementalFold FOLD = new IncrementalFold(GadgetContract.GADGET, String::valueOf);

    /** One step: the gap in valid time after the previous change (0: the same instant) and what it does. */
    record Step(int hoursLater, int kind) {
    }

    @Property(tries = 300)
    void foldingAPollAtOnceWritesWhatFoldingItOneAtATimeWrites(@ForAll("histories") List<Step> steps,
                                                               @ForAll("splits") List<Integer> splits) {
        List<IncrementalFold.Logged> changes = changes(steps);

        List<VersionRow> oneAtATime = new ArrayList<>();
        for (IncrementalFold.Logged change : changes) {
            apply(oneAtATime, List.of(change));
        }
        List<VersionRow> inPolls = new ArrayList<>();
        int from = 0;
        for (int size : splits) {
            if (from >= changes.size()) {
                break;
            }
            int to = Math.min(changes.size(), from + size);
            apply(inPolls, changes.subList(from, to));
            from = to;
        }
        if (from < changes.size()) {
            apply(inPolls, changes.subList(from, changes.size()));
        }

        assertThat(sorted(inPolls)).isEqualTo(sorted(oneAtATime));
        List<Timeline.Version> pure = Timeline.of(GadgetContract.GADGET,
                changes.stream().map(IncrementalFold.Logged::change).toList());
        assertThat(sorted(known(inPolls)).stream().map(v -> List.of(v.validFrom(), String.valueOf(v.validTo()), v.state())))
                .containsExactlyElementsOf(pure.stream().map(v -> List.of(v.validFrom(), String.valueOf(v.validTo()),
                        String.valueOf(v.state()))).toList());
    }

    @Property(tries = 100)
    void aLateChangeIsLeftToTheReFold(@ForAll("histories") List<Step> steps) {
        List<VersionRow> table = new ArrayList<>();
        List<IncrementalFold.Logged> changes = changes(steps);
        changes.forEach(change -> apply(table, List.of(change)));
        Instant earliest = changes.getFirst().change().occurredAt();
        var late = new Timeline.Change(changes.size() + 1, "late", "renamed", earliest.minusSeconds(1), 0,
                new GadgetEvent.GadgetRenamed("late"));

        assertThat(FOLD.fold("g", known(table), false,
                List.of(new IncrementalFold.Logged(late, START.plus(Duration.ofDays(365)))))).isEmpty();
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 9))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(25);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(1, 8).list().ofMinSize(1).ofMaxSize(25);
    }

    /** The first change makes the gadget; each later one is at or after the one before in valid time. */
    private static List<IncrementalFold.Logged> changes(List<Step> steps) {
        List<IncrementalFold.Logged> changes = new ArrayList<>();
        Instant at = START;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            at = at.plus(Duration.ofHours(i == 0 ? 0 : step.hoursLater()));
            GadgetEvent event = i == 0 ? new GadgetEvent.GadgetMade("g")
                    : step.kind() == 0 ? new GadgetEvent.GadgetScrapped("worn") : new GadgetEvent.GadgetRenamed("g" + i);
            long seq = i + 1;
            changes.add(new IncrementalFold.Logged(new Timeline.Change(seq, "e" + seq, event.getClass().getSimpleName(),
                    at, seq, event), START.plus(Duration.ofDays(30)).plusMillis(seq)));
        }
        return changes;
    }

    /** What the consumer does with a poll, on a table in memory. */
    private static void apply(List<VersionRow> table, List<IncrementalFold.Logged> poll) {
        Instant since = poll.stream().map(c -> c.change().occurredAt()).min(Comparator.naturalOrder()).orElseThrow();
        List<VersionRow> current = known(table).stream().filter(v -> v.affectedBy(since)).toList();
        Optional<IncrementalFold.Outcome> outcome = FOLD.fold("g", current, table.isEmpty(), poll);
        assertThat(outcome).as("changes in valid-time order never need a re-fold").isPresent();
        for (VersionRow closed : outcome.get().closed()) {
            VersionRow stored = table.stream().filter(v -> v.recordedTo() == null && v.validFrom().equals(closed.validFrom()))
                    .findFirst().orElseThrow();
            table.set(table.indexOf(stored), closed);
        }
        table.addAll(outcome.get().inserted());
    }

    private static List<VersionRow> known(List<VersionRow> table) {
        return table.stream().filter(v -> v.recordedTo() == null).toList();
    }

    private static List<VersionRow> sorted(List<VersionRow> rows) {
        return rows.stream().sorted(Comparator.comparing(VersionRow::validFrom).thenComparing(VersionRow::recordedFrom)
                .thenComparing(v -> String.valueOf(v.recordedTo()))).toList();
    }
}
