package io.aimsledger.contracts.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import io.aimsledger.contracts.controls.v1.Applicability;
import io.aimsledger.contracts.controls.v1.ControlView;
import io.aimsledger.contracts.evidence.v1.EvidenceView;

/**
 * Evidence coverage over a period (API.md, {@code GET /api/v1/audit/coverage}): for each applicable control,
 * the intervals within [from, to) that accepted evidence backs, and the gaps between them. A piece of
 * accepted evidence backs its controls from its {@code effectiveAt} (when what it shows became true, not
 * when it was uploaded or reviewed) until its {@code validUntil}, or until the {@code effectiveAt} of the
 * evidence that superseded it. Which evidence is accepted, and what it links, is as last known.
 */
public final class Coverage {

    public record Interval(Instant from, Instant to, List<UUID> evidenceIds) {
    }

    public record Gap(Instant from, Instant to) {
    }

    public record ControlCoverage(String controlId, String title, List<Interval> covered, List<Gap> gaps) {
    }

    private Coverage() {
    }

    /**
     * @param controls the controls as they stood at {@code to}; only the applicable ones are reported
     * @param evidence every piece of evidence as last known
     */
    public static List<ControlCoverage> of(List<ControlView> controls, List<EvidenceView> evidence, Instant from,
                                           Instant to) {
        Map<UUID, EvidenceView> byId = new HashMap<>();
        evidence.forEach(e -> byId.put(e.id(), e));
        return controls.stream().filter(c -> c.applicability() == Applicability.APPLICABLE)
                .sorted(Comparator.comparing(ControlView::id))
                .map(control -> ofControl(control, evidence, byId, from, to)).toList();
    }

    private static ControlCoverage ofControl(ControlView control, List<EvidenceView> evidence,
                                             Map<UUID, EvidenceView> byId, Instant from, Instant to) {
        List<Backing> backings = new ArrayList<>();
        for (EvidenceView e : evidence) {
            if (!e.accepted() || !e.controlIds().contains(control.id())) {
                continue;
            }
            Instant end = e.validUntil();
            EvidenceView successor = e.supersededBy() == null ? null : byId.get(e.supersededBy());
            if (successor != null && (end == null || successor.effectiveAt().isBefore(end))) {
                end = successor.effectiveAt();
            }
            Instant start = e.effectiveAt().isBefore(from) ? from : e.effectiveAt();
            Instant stop = end == null || end.isAfter(to) ? to : end;
            if (start.isBefore(stop)) {
                backings.add(new Backing(start, stop, e.id()));
            }
        }
        List<Interval> covered = intervals(backings);
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Interval interval : covered) {
            if (cursor.isBefore(interval.from())) {
                gaps.add(new Gap(cursor, interval.from()));
            }
            cursor = interval.to();
        }
        if (cursor.isBefore(to)) {
            gaps.add(new Gap(cursor, to));
        }
        return new ControlCoverage(control.id(), control.title(), covered, gaps);
    }

    private record Backing(Instant from, Instant to, UUID evidenceId) {
    }

    /** The union of the backings as disjoint intervals, each naming the evidence that backs some of it. */
    private static List<Interval> intervals(List<Backing> backings) {
        backings.sort(Comparator.comparing(Backing::from));
        List<Interval> intervals = new ArrayList<>();
        Instant start = null;
        Instant end = null;
        TreeSet<UUID> ids = new TreeSet<>();
        for (Backing backing : backings) {
            if (end != null && backing.from().isAfter(end)) {
                intervals.add(new Interval(start, end, List.copyOf(ids)));
                start = null;
                ids.clear();
            }
            if (start == null) {
                start = backing.from();
                end = backing.to();
            } else if (backing.to().isAfter(end)) {
                end = backing.to();
            }
            ids.add(backing.evidenceId());
        }
        if (start != null) {
            intervals.add(new Interval(start, end, List.copyOf(ids)));
        }
        return intervals;
    }
}
