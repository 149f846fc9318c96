package io.aimsledger.evidence.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.evidence.application.EvidenceCommandHandler;
import io.aimsledger.evidence.domain.EvidenceCommand;
import io.aimsledger.evidence.readmodel.EvidenceReadModel;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Emits {@code EvidenceExpired} once for each piece of evidence whose {@code validUntil} passed, taking effect
 * at that instant (actor {@code system}). Every replica sweeps, and a sweep that finds nothing due does
 * nothing; "once" comes from the stream, not from the sweep: the expiry is decided on the evidence's
 * events in the command's transaction, the decider emits it only if it is not there yet, and of two
 * replicas deciding at the same moment only one appends (the other's append conflicts on the stream's
 * version, decides again, and finds it expired). A sweep after a restart does the same.
 */
@ApplicationScoped
public class ExpirySweep {

    static final String SYSTEM = "system";
    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);
    private static final int BATCH = 200;

    private final EvidenceReadModel readModel;
    private final EvidenceCommandHandler commands;
    private final Clock clock;

    public ExpirySweep(EvidenceReadModel readModel, EvidenceCommandHandler commands, Clock clock) {
        this.readModel = readModel;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(every = "${aims.evidence.expiry-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return sweep().onFailure().recoverWithItem(failure -> {
            LOG.warnf("Evidence expiry sweep failed (%s); the next one tries again", failure.toString());
            return 0;
        }).replaceWithVoid();
    }

    /** Expires what is due now; answers how many pieces of evidence this sweep expired. */
    public Uni<Integer> sweep() {
        Instant now = clock.instant();
        return readModel.dueToExpire(now, BATCH).flatMap(due -> expire(due, now));
    }

    private Uni<Integer> expire(List<EvidenceReadModel.Due> due, Instant now) {
        return Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(evidence -> commands
                        .handle(evidence.id(), new EvidenceCommand.ExpireEvidence(now), context(now, evidence.validUntil()),
                                (transaction, decision) -> Uni.createFrom().voidItem())
                        .map(decision -> decision.changed() ? 1 : 0)
                        .onFailure().recoverWithItem(failure -> {
                            LOG.warnf("Could not expire evidence %s (%s); the next sweep tries again", evidence.id(),
                                    failure.toString());
                            return 0;
                        }))
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }

    /** Decided now, taking effect at {@code validUntil}. */
    private static CommandContext context(Instant now, Instant validUntil) {
        return new CommandContext(SYSTEM, now, validUntil, UUID.randomUUID().toString(), null, null);
    }
}
