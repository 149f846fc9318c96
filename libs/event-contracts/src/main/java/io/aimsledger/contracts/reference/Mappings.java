package io.aimsledger.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * What ISO/IEC 42001 controls and clauses map to in other frameworks (NIST AI RMF from the published
 * crosswalk; EU AI Act and ISO/IEC 27001 rows marked {@code derived}), shipped with the contracts from
 * ../shared/reference/mappings.csv. A derived mapping keeps its mark wherever it is shown.
 */
public final class Mappings {

    /** One mapping of a control to a framework's requirement; {@code derived} when no publisher stands behind it. */
    public record Mapping(String framework, String targetId, boolean derived) {
    }

    private record Row(@JsonProperty("iso42001_control_id") String controlId, @JsonProperty("framework") String framework,
                       @JsonProperty("target_id") String targetId, @JsonProperty("source") String source) {

        @JsonIgnore
        Mapping mapping() {
            return new Mapping(framework, targetId, "derived".equals(source));
        }
    }

    /** A requirement of another framework and one ISO/IEC 42001 control or clause mapped to it. */
    public record Mapped(String framework, String targetId, String controlId, boolean derived) {
    }

    private static final String RESOURCE = "/io/aimsledger/contracts/reference/mappings.csv";
    private static final List<Mapped> ALL = new ArrayList<>();
    private static final Map<String, List<Mapping>> BY_CONTROL = load();

    private Mappings() {
    }

    /** The mappings of a control (none for a custom control or an id with none). */
    public static List<Mapping> of(String controlId) {
        return controlId == null ? List.of() : BY_CONTROL.getOrDefault(controlId, List.of());
    }

    /** Every mapping to {@code framework}, in the order of the reference. */
    public static List<Mapped> toFramework(String framework) {
        return ALL.stream().filter(mapped -> mapped.framework().equals(framework)).toList();
    }

    private static Map<String, List<Mapping>> load() {
        Map<String, List<Mapping>> byControl = new LinkedHashMap<>();
        try (InputStream in = Mappings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            try (var rows = new CsvMapper().readerFor(Row.class).with(CsvSchema.emptySchema().withHeader())
                    .<Row>readValues(in)) {
                rows.forEachRemaining(row -> {
                    byControl.computeIfAbsent(row.controlId(), id -> new ArrayList<>()).add(row.mapping());
                    ALL.add(new Mapped(row.framework(), row.targetId(), row.controlId(), "derived".equals(row.source())));
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byControl.replaceAll((id, mappings) -> List.copyOf(mappings));
        return Collections.unmodifiableMap(byControl);
    }
}
