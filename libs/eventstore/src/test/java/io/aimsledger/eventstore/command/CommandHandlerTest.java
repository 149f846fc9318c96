package io.aimsledger.eventstore.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.aimsledger.decider.Rejection;
import io.aimsledger.eventstore.store.EventStore;
import io.aimsledger.eventstore.store.StoredEvent;
import io.aimsledger.decider.sample.Counter;
import io.aimsledger.decider.sample.Counter.Event;
import io.aimsledger.eventstore.support.EventStoreDatabase;
import io.aimsledger.eventstore.tx.ConnectionTransaction;
import io.aimsledger.eventstore.tx.Transactions;
import io.aimsledger.eventstore.web.CommandHeaders;
import io.aimsledger.eventstore.web.IdempotencyKey;
import io.aimsledger.eventstore.web.IdempotencyStore;
import io.aimsledger.eventstore.web.WebCommands;
import io.smallrye.mutiny.Uni;

class CommandHandlerTest {

    private static EventStoreDatabase database;
    private static CommandHandler handler;
    private static WebCommands web;
    private final EventStore store = new EventStore();
    private boolean failReadModel;

    @BeforeAll
    static void createDatabase() {
        database = EventStoreDatabase.create("commands");
        database.execute("create table counter_view (id text primary key, value int not null, version bigint not null)");
        handler = new CommandHandler(Transactions.on(database.pool()), new EventStore(), () -> { });
        web = new WebCommands(handler, new IdempotencyStore(), new ObjectMapper());
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    /** A command asked for over HTTP: it goes through the web adapter, as a resource's would. */
    private record Asked(Command<Counter.Command, Counter.State, Event> command, IdempotencyKey key) {
    }

    private Asked command(String id, Counter.Command command, Long ifMatch, IdempotencyKey key) {
        return commandIf(id, command, ifMatch == null ? null : ExpectedVersion.exactly(ifMatch), key);
    }

    private Asked commandIf(String id, Counter.Command command, ExpectedVersion ifMatch, IdempotencyKey key) {
        ReadModelUpdate<Counter.State, Event> view = (transaction, decision) -> failReadModel
                ? Uni.createFrom().failure(new IllegalStateException("the read model is broken"))
                : transaction.update("insert into counter_view values ($1, $2, $3) on conflict (id) do update "
                        + "set value = excluded.value, version = excluded.version", id, decision.state().value(), decision.version())
                .replaceWithVoid();
        return new Asked(new Command<>(id, "counter", new Counter(), new ContractEventCodec<>(Counter.Event.class),
                command, new CommandContext("alice", Instant.parse("2026-03-31T10:00:00Z"), "corr", null, null),
                ifMatch, view), key);
    }

    private Response handle(Asked asked) {
        boolean open = asked.command().command() instanceof Counter.Command.Open;
        return web.handle(asked.command(), asked.key(), decision -> new WebCommands.Answer(open ? 201 : 200,
                open ? URI.create("/api/v1/counters/" + asked.command().streamId()) : null,
                Map.of("value", decision.state().value(), "version", decision.version()))).await().indefinitely();
    }

    private List<StoredEvent> events(String id) {
        return store.readStream(new ConnectionTransaction(database.pool()), id).await().indefinitely();
    }

    @Test
    void aCommandIsDecidedOnTheStreamAndItsEventsAndReadModelAreStoredTogether() {
        String id = UUID.randomUUID().toString();
        Response opened = handle(command(id, new Counter.Command.Open(10), null, null));
        Response incremented = handle(command(id, new Counter.Command.Increment(4), null, null));

        assertThat(opened.getStatus()).isEqualTo(201);
        assertThat(opened.getHeaderString("Location")).isEqualTo("/api/v1/counters/" + id);
        assertThat(incremented.getStatus()).isEqualTo(200);
        assertThat(incremented.getHeaderString("ETag")).isEqualTo("\"2\"");
        assertThat((String) incremented.getEntity()).contains("\"value\":4");
        assertThat(events(id)).extracting(StoredEvent::type).containsExactly("io.aimsledger.test-counter.opened.v1",
                "io.aimsledger.test-counter.incremented.v1");
        assertThat(events(id).getFirst().actor()).isEqualTo("alice");
        assertThat(database.count("select value from counter_view where id = '" + id + "'")).isEqualTo(4);
    }

    @Test
    void aRejectionOrAFailingReadModelWritesNothing() {
        String id = UUID.randomUUID().toString();
        handle(command(id, new Counter.Command.Open(3), null, null));

        assertThatThrownBy(() -> handle(command(id, new Counter.Command.Increment(5), null, null)))
                .isInstanceOf(Rejection.class).hasFieldOrPropertyWithValue("code", "counter.limit");
        failReadModel = true;
        assertThatThrownBy(() -> handle(command(id, new Counter.Command.Increment(1), null, null)))
                .hasMessageContaining("read model");
        failReadModel = false;

        assertThat(events(id)).hasSize(1);
        assertThat(database.count("select version from counter_view where id = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void ifMatchIsHonoured() {
        String id = UUID.randomUUID().toString();
        handle(command(id, new Counter.Command.Open(10), null, null));
        handle(command(id, new Counter.Command.Increment(1), 1L, null));

        assertThatThrownBy(() -> handle(command(id, new Counter.Command.Increment(1), 1L, null)))
                .isInstanceOfSatisfying(VersionMismatch.class, e -> {
                    assertThat(e.expected()).isEqualTo(ExpectedVersion.exactly(1));
                    assertThat(e.actual()).isEqualTo(2);
                });
        assertThat(events(id)).hasSize(2);
        assertThat(CommandHeaders.expectedVersion("\"2\"")).isEqualTo(ExpectedVersion.exactly(2));
        assertThat(CommandHeaders.expectedVersion(null)).isNull();
        assertThat(CommandHeaders.expectedVersion("W/\"2\", \"3\"")).isEqualTo(ExpectedVersion.exactly(3));
        assertThatThrownBy(() -> CommandHeaders.expectedVersion("\"two\"")).isInstanceOf(io.aimsledger.support.problem.InvalidRequest.class);
    }

    @Test
    void aWeakTagNeverMatchesAndAStarMatchesAnyExistingVersion() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> handle(commandIf(id, new Counter.Command.Open(10), new ExpectedVersion.AnyExisting(), null)))
                .isInstanceOf(VersionMismatch.class);
        handle(command(id, new Counter.Command.Open(10), null, null));

        assertThatThrownBy(() -> handle(commandIf(id, new Counter.Command.Increment(1),
                CommandHeaders.expectedVersion("W/\"1\""), null))).isInstanceOf(VersionMismatch.class);
        handle(commandIf(id, new Counter.Command.Increment(1), CommandHeaders.expectedVersion("*"), null));

        assertThat(events(id)).hasSize(2);
    }

    @Test
    void anIdempotentRepeatGetsTheFirstAnswerAndAnotherBodyWithTheSameKeyIsRefused() {
        String id = UUID.randomUUID().toString();
        handle(command(id, new Counter.Command.Open(10), null, null));
        IdempotencyKey key = CommandHeaders.idempotencyKey("key-" + id, "POST", "/counters/" + id, "{\"by\":2}".getBytes());
        IdempotencyKey sameKeyOtherBody = CommandHeaders.idempotencyKey("key-" + id, "POST", "/counters/" + id,
                "{\"by\":3}".getBytes());

        Response first = handle(command(id, new Counter.Command.Increment(2), null, key));
        Response repeat = handle(command(id, new Counter.Command.Increment(2), null, key));

        assertThat(first.getHeaderString(CommandHeaders.IDEMPOTENT_REPLAY)).isNull();
        assertThat(repeat.getHeaderString(CommandHeaders.IDEMPOTENT_REPLAY)).isEqualTo("true");
        assertThat(repeat.getEntity()).isEqualTo(first.getEntity());
        assertThat(repeat.getHeaderString("ETag")).isEqualTo(first.getHeaderString("ETag"));
        assertThat(repeat.getStatus()).isEqualTo(first.getStatus());
        assertThat(events(id)).hasSize(2);
        assertThatThrownBy(() -> handle(command(id, new Counter.Command.Increment(3), null, sameKeyOtherBody)))
                .isInstanceOf(Rejection.class).hasFieldOrPropertyWithValue("code", "idempotency.key-reused");
        assertThat(events(id)).hasSize(2);
    }

    @Test
    void concurrentCommandsWithoutIfMatchAreDecidedAgainOnTheNewState() {
        String id = UUID.randomUUID().toString();
        handle(command(id, new Counter.Command.Open(100), null, null));

        var racing = List.of(
                handler.handle(command(id, new Counter.Command.Increment(1), null, null).command()).subscribeAsCompletionStage(),
                handler.handle(command(id, new Counter.Command.Increment(1), null, null).command()).subscribeAsCompletionStage());
        racing.forEach(CompletableFuture::join);

        assertThat(events(id)).extracting(StoredEvent::streamVersion).containsExactly(1L, 2L, 3L);
        assertThat(database.count("select value from counter_view where id = '" + id + "'")).isEqualTo(2);
    }
}
