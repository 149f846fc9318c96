package io.aimsledger.contracts.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ImplementationStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceKind;
import io.aimsledger.contracts.evidence.v1.EvidenceStatus;
import io.aimsledger.contracts.evidence.v1.EvidenceView;
import io.aimsledger.contracts.evidence.v1.Review;
import io.aimsledger.contracts.evidence.v1.ReviewDecision;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class CoverageTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");

    static Instant day(int day) {
        return FROM.plusSeconds(86_400L * day);
    }

    static EvidenceView accepted(UUID id, Instant effective, Instant validUntil, UUID supersededBy) {
        return new EvidenceView(id, "e", null, EvidenceKind.LOG, List.of("C-1"), List.of(), effective, validUntil, "alice",
                "MANUAL", null, "https://e", "ab".repeat(32), EvidenceStatus.ACCEPTED,
                List.of(new Review("bob", ReviewDecision.ACCEPT, null, effective)), supersededBy, 1, effective, effective);
    }

    @Test
    void supersessionEndsCoverageWhereTheSuccessorTakesEffect() {
        UUID old = UUID.randomUUID();
        UUID successor = UUID.randomUUID();
        var evidence = List.of(accepted(old, day(0), null, successor), accepted(successor, day(100), day(150), null));
        var controls = List.of(ReadinessTest.control("C-1", Applicability.APPLICABLE, ImplementationStatus.IMPLEMENTED),
                ReadinessTest.control("C-2", Applicability.UNDECIDED, ImplementationStatus.NOT_STARTED));

        var coverage = Coverage.of(controls, evidence, FROM, TO);

        assertThat(coverage).hasSize(1);
        assertThat(coverage.getFirst().covered()).containsExactly(new Coverage.Interval(day(0), day(150),
                List.of(old, successor).stream().sorted().toList()));
        assertThat(coverage.getFirst().gaps()).containsExactly(new Coverage.Gap(day(150), TO));
    }

    /** However the evidence lies, covered intervals and gaps are disjoint, ordered, and together make [from, to). */
    @Property
    void coveredAndGapsPartitionThePeriod(@ForAll @Size(max = 8) List<@IntRange(min = -30, max = 210) Integer> starts,
                                          @ForAll @Size(max = 8) List<@IntRange(min = 1, max = 120) Integer> lengths) {
        List<EvidenceView> evidence = new ArrayList<>();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
            evidence.add(accepted(UUID.randomUUID(), day(starts.get(i)), day(starts.get(i) + lengths.get(i)), null));
        }
        var coverage = Coverage.of(List.of(ReadinessTest.control("C-1", Applicability.APPLICABLE,
                ImplementationStatus.IMPLEMENTED)), evidence, FROM, TO).getFirst();

        List<Instant[]> pieces = new ArrayList<>();
        coverage.covered().forEach(c -> pieces.add(new Instant[] {c.from(), c.to()}));
        coverage.gaps().forEach(g -> pieces.add(new Instant[] {g.from(), g.to()}));
        pieces.sort((a, b) -> a[0].compareTo(b[0]));
        Instant cursor = FROM;
        for (Instant[] piece : pieces) {
            assertThat(piece[0]).isEqualTo(cursor);
            assertThat(piece[1]).isAfter(piece[0]);
            cursor = piece[1];
        }
        assertThat(cursor).isEqualTo(TO);
        for (int i = 1; i < coverage.covered().size(); i++) {
            assertThat(coverage.covered().get(i).from()).as("adjacent intervals are merged")
                    .isAfter(coverage.covered().get(i - 1).to());
        }
    }
}
