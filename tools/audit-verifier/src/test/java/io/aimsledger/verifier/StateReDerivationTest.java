package io.aimsledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aimsledger.contracts.CloudEventCodec;
import io.aimsledger.contracts.Contracts;
import io.aimsledger.contracts.EventEnvelope;
import io.aimsledger.contracts.PayloadCodec;
import io.aimsledger.contracts.Timeline;
import io.aimsledger.contracts.inventory.v1.Description;
import io.aimsledger.contracts.inventory.v1.EuAiActRiskClass;
import io.aimsledger.contracts.inventory.v1.InventoryEvent;
import io.aimsledger.contracts.inventory.v1.LifecycleStage;
import io.aimsledger.contracts.inventory.v1.OrganizationRole;

/**
 * The verifier derives every entity's state again from the entries and compares it with state.json:
 * the genuine state holds; one field changed, one entity removed and one added are each found, by name.
 */
class StateReDerivationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant AS_OF = Instant.parse("2026-10-15T00:00:00Z");
    private static final Instant KNOWN_AT = Instant.parse("2026-10-20T00:00:00Z");
    private static final UUID SCORER = UUID.fromString("10000000-0000-0000-0000-000000000001");
    private static final UUID CHATBOT = UUID.fromString("20000000-0000-0000-0000-000000000002");
    private static final UUID LATER = UUID.fromString("30000000-0000-0000-0000-000000000003");

    @TempDir
    Path folder;

    private String output;

    /** One logged event: when it took effect, when the log recorded it, what it was. */
    private record Logged(UUID subject, Instant at, Instant recorded, long version, InventoryEvent event) {
    }

    private static final List<Logged> LOG = List.of(
            new Logged(SCORER, Instant.parse("2026-10-01T00:00:00Z"), Instant.parse("2026-10-01T00:00:01Z"), 1,
                    new InventoryEvent.AiSystemRegistered(SCORER, description("Scorer"), null)),
            new Logged(CHATBOT, Instant.parse("2026-10-02T00:00:00Z"), Instant.parse("2026-10-02T00:00:01Z"), 1,
                    new InventoryEvent.AiSystemRegistered(CHATBOT, description("Chatbot"), null)),
            new Logged(SCORER, Instant.parse("2026-10-10T00:00:00Z"), Instant.parse("2026-10-10T00:00:01Z"), 2,
                    new InventoryEvent.AiSystemClassified(SCORER, EuAiActRiskClass.HIGH_RISK, "credit scoring")),
            // told late: took effect before the classification, recorded after it
            new Logged(CHATBOT, Instant.parse("2026-10-05T00:00:00Z"), Instant.parse("2026-10-12T00:00:00Z"), 2,
                    new InventoryEvent.AiSystemRetired(CHATBOT, "replaced", LifecycleStage.INCEPTION)),
            // after asOf: not in the state
            new Logged(LATER, Instant.parse("2026-10-16T00:00:00Z"), Instant.parse("2026-10-16T00:00:01Z"), 1,
                    new InventoryEvent.AiSystemRegistered(LATER, description("Later"), null)),
            // recorded after knownAt: not known then
            new Logged(SCORER, Instant.parse("2026-10-11T00:00:00Z"), Instant.parse("2026-10-25T00:00:00Z"), 3,
                    new InventoryEvent.AiSystemClassified(SCORER, EuAiActRiskClass.LIMITED_RISK, "told after knownAt")));

    @Test
    void theStateTheEntriesImplyVerifies() throws IOException {
        assertThat(verify(export(state()))).as(output).isZero();
        assertThat(output).contains("state.json is what the entries imply").contains("2 entities derived again");
    }

    @Test
    void aChangedFieldOfOneEntityIsFoundAndNamed() throws IOException {
        ObjectNode state = state();
        ((ObjectNode) state.withArray("aiSystems").get(0)).put("euAiActRiskClass", "MINIMAL_RISK");

        assertThat(verify(export(state))).isEqualTo(1);
        assertThat(output).contains("state.json is not what the entries imply")
                .contains(SCORER.toString()).contains("euAiActRiskClass");
    }

    @Test
    void aRemovedEntityIsFoundAndNamed() throws IOException {
        ObjectNode state = state();
        state.withArray("aiSystems").remove(0);

        assertThat(verify(export(state))).isEqualTo(1);
        assertThat(output).contains(SCORER + " is missing from state.json");
    }

    @Test
    void anAddedEntityIsFound() throws IOException {
        ObjectNode state = state();
        ObjectNode forged = state.withArray("aiSystems").get(0).deepCopy();
        forged.put("id", UUID.randomUUID().toString());
        forged.put("name", "Forged");
        state.withArray("aiSystems").add(forged);

        assertThat(verify(export(state))).isEqualTo(1);
        assertThat(output).contains("state.json has an entity the entries do not imply");
    }

    /** The state as the platform answers it: each entity's fold of what took effect by asOf and was known at knownAt. */
    private static ObjectNode state() {
        Map<UUID, List<Timeline.Change>> byEntity = new TreeMap<>(Comparator.comparing(UUID::toString));
        for (int i = 0; i < LOG.size(); i++) {
            Logged logged = LOG.get(i);
            if (!logged.at().isAfter(AS_OF) && !logged.recorded().isAfter(KNOWN_AT)) {
                byEntity.computeIfAbsent(logged.subject(), k -> new ArrayList<>()).add(new Timeline.Change(i + 1,
                        "e" + i, Contracts.REGISTRY.typeOf(logged.event()), logged.at(), logged.version(), logged.event()));
            }
        }
        ObjectNode state = JSON.createObjectNode();
        state.put("asOf", AS_OF.toString());
        state.put("knownAt", KNOWN_AT.toString());
        state.put("complete", true);
        ArrayNode list = state.putArray("aiSystems");
        byEntity.values().forEach(changes -> {
            changes.sort(Comparator.comparing(Timeline.Change::occurredAt).thenComparingLong(Timeline.Change::seq));
            List<Timeline.Version> versions = Timeline.of(Contracts.AI_SYSTEM, changes);
            list.add(tree(versions.getLast().state()));
        });
        return state;
    }

    private ExportFixture export(JsonNode state) throws IOException {
        List<String> events = new ArrayList<>();
        List<Instant> recorded = new ArrayList<>();
        for (Logged logged : LOG) {
            events.add(new String(CloudEventCodec.toJson(new EventEnvelope(UUID.randomUUID(),
                    Contracts.REGISTRY.typeOf(logged.event()), "/aims/inventory", logged.subject().toString(), logged.at(),
                    logged.version(), "alice", null, null, null, PayloadCodec.write(logged.event()))), StandardCharsets.UTF_8));
            recorded.add(logged.recorded());
        }
        var export = new ExportFixture(events, recorded, List.of(2));
        export.files.put("state.json", JSON.writeValueAsString(state));
        return export.at(AS_OF, KNOWN_AT);
    }

    private static JsonNode tree(Object view) {
        try {
            return JSON.readTree(PayloadCodec.write(view));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Description description(String name) {
        return new Description(name, null, "Purpose", "alice", null, OrganizationRole.DEPLOYER, null, null, null,
                List.of(), null);
    }

    private int verify(ExportFixture export) throws IOException {
        var bytes = new ByteArrayOutputStream();
        int status = AuditVerifier.run(new String[] {"verify", export.write(folder).toString(), "--public-key",
                export.publicKey(folder).toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        return status;
    }
}
