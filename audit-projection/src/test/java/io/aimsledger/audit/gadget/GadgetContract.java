package io.aimsledger.audit.gadget;

import java.time.Instant;
import java.util.List;

import io.aimsledger.contracts.ContractProvider;
import io.aimsledger.contracts.DomainContract;
import io.aimsledger.contracts.EntityType;

/**
 * An entity type that exists only in these tests ({@code io.aimsledger.test-gadget.*.v1} on
 * {@code aims.test-gadget.v1}): the audit must version it, answer as of any instant, diff, export and
 * verify it with no code of its own.
 */
public final class GadgetContract implements ContractProvider {

    public sealed interface GadgetEvent {
        record GadgetMade(String name) implements GadgetEvent {
        }

        record GadgetRenamed(String name) implements GadgetEvent {
        }

        record GadgetScrapped(String reason) implements GadgetEvent {
        }
    }

    public record Gadget(boolean made, String name, boolean scrapped) {

        static Gadget evolve(Gadget state, GadgetEvent event) {
            return switch (event) {
                case GadgetEvent.GadgetMade made -> new Gadget(true, made.name(), false);
                case GadgetEvent.GadgetRenamed renamed -> new Gadget(state.made(), renamed.name(), state.scrapped());
                case GadgetEvent.GadgetScrapped scrapped -> new Gadget(state.made(), state.name(), true);
            };
        }
    }

    /** What the API would show of a gadget. */
    public record GadgetView(String name, String status, long version, Instant createdAt, Instant updatedAt) {
    }

    public static final DomainContract V1 = new DomainContract("test-gadget", 1, GadgetEvent.class);

    public static final EntityType<Gadget, GadgetEvent> GADGET = new EntityType<>("gadget", "gadgets", V1,
            GadgetEvent.class, new Gadget(false, null, false), Gadget::evolve, Gadget::made, Gadget::scrapped,
            (gadget, version, createdAt, updatedAt) -> new GadgetView(gadget.name(),
                    gadget.scrapped() ? "SCRAPPED" : "IN_USE", version, createdAt, updatedAt));

    @Override
    public List<DomainContract> contracts() {
        return List.of(V1);
    }

    @Override
    public List<EntityType<?, ?>> entityTypes() {
        return List.of(GADGET);
    }
}
