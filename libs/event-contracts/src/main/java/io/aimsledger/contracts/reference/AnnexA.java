package io.aimsledger.contracts.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The 38 controls of ISO/IEC 42001:2023 Annex A (ids, objectives and titles), shipped with the contracts
 * from ../shared/reference/iso42001-annex-a.csv (see its SOURCES.md), so every service names the same
 * controls without anyone seeding them.
 */
public final class AnnexA {

    /** One control: {@code A.6.2.4}, its objective {@code A.6.2} and their titles. */
    public record Control(@JsonProperty("control_id") String id, @JsonProperty("objective_id") String objectiveId,
                          @JsonProperty("objective_title") String objectiveTitle,
                          @JsonProperty("control_title") String title) {
    }

    /** The version of the reference data shipped, for a catalogue to say which it lists. */
    public static final String VERSION = "ISO/IEC 42001:2023";
    private static final String RESOURCE = "/io/aimsledger/contracts/reference/iso42001-annex-a.csv";
    private static final Map<String, Control> CONTROLS = load();

    private AnnexA() {
    }

    public static List<Control> controls() {
        return List.copyOf(CONTROLS.values());
    }

    public static boolean isControl(String id) {
        return CONTROLS.containsKey(id);
    }

    private static Map<String, Control> load() {
        Map<String, Control> controls = new LinkedHashMap<>();
        try (InputStream in = AnnexA.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            try (var rows = new CsvMapper().readerFor(Control.class).with(CsvSchema.emptySchema().withHeader())
                    .<Control>readValues(in)) {
                rows.forEachRemaining(control -> controls.put(control.id(), control));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(controls);
    }
}
