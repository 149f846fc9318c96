package io.aimsledger.controls.catalogue;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.aimsledger.contracts.controls.v1.ControlSource;
import io.aimsledger.contracts.reference.AnnexA;
import io.aimsledger.controls.control.application.ControlCommandHandler;
import io.aimsledger.controls.control.domain.ControlCommand;
import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.command.CommandContext;
import io.aimsledger.eventstore.command.CommandHandler;
import io.aimsledger.eventstore.store.ConcurrencyConflict;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A new install lists the 38 Annex A controls without anyone seeding them: at start-up the service
 * catalogues every control of the shipped reference ({@link AnnexA}) that has no stream yet, as events
 * of its own (actor {@value #ACTOR}), so the audit knows them from the day they entered the catalogue.
 */
@ApplicationScoped
public class AnnexACatalogue {

    static final String ACTOR = "system";
    private static final Logger LOG = Logger.getLogger(AnnexACatalogue.class);

    private final CommandHandler handler;
    private final ControlCommandHandler controls;
    private final Pool pool;
    private final Clock clock;

    public AnnexACatalogue(CommandHandler handler, ControlCommandHandler controls, Pool pool, Clock clock) {
        this.handler = handler;
        this.controls = controls;
        this.pool = pool;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        int added = catalogueMissing();
        if (added > 0) {
            LOG.infof("Catalogued %d Annex A controls (%s)", added, AnnexA.VERSION);
        }
    }

    /** Catalogues the Annex A controls that have no stream yet; answers how many. */
    int catalogueMissing() {
        Set<String> present = pool.query("select distinct stream_id from event_store where stream_type = '"
                        + ControlCommandHandler.STREAM_TYPE + "'").execute()
                .map(rows -> {
                    Set<String> ids = new java.util.HashSet<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                }).await().indefinitely();
        var missing = AnnexA.controls().stream().filter(control -> !present.contains(control.id())).toList();
        var context = new CommandContext(ACTOR, clock.instant(), "catalogue-" + UUID.randomUUID(), null, null);
        Multi.createFrom().iterable(missing).onItem().transformToUniAndConcatenate(control -> handler.handle(
                        controls.command(control.id(), new ControlCommand.CatalogueControl(control.id(),
                                ControlSource.ISO42001_ANNEX_A, control.objectiveId(), control.objectiveTitle(),
                                control.title(), null, AnnexA.VERSION), context, null))
                        // another instance starting at the same time catalogued it first
                        .onFailure(failure -> failure instanceof Rejection || failure instanceof ConcurrencyConflict)
                        .recoverWithNull())
                .collect().last().await().indefinitely();
        return missing.size();
    }
}
