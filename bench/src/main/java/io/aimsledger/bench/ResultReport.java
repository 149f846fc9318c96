package io.aimsledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.SerializationFeature;

/** The run's figures as a Markdown table (printed) and as JSON with the machine facts (written). */
final class ResultReport {

    private final List<Result> results = new ArrayList<>();
    private final Map<String, Object> extra = new LinkedHashMap<>();

    void add(Result result) {
        results.add(result);
        System.out.println("  " + row(result));
    }

    void put(String name, Object value) {
        extra.put(name, value);
    }

    Object get(String name) {
        return extra.get(name);
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| stage | what | value | unit | ratio to ceiling | goal | status | note |\n");
        out.append("| --- | --- | ---: | --- | ---: | --- | --- | --- |\n");
        results.forEach(r -> out.append(row(r)).append('\n'));
        return out.toString();
    }

    private static String row(Result r) {
        String status = r.met() == null ? "" : r.met() ? "pass" : "short";
        return "| " + r.stage() + " | " + r.what() + " | " + number(r.value()) + " | " + r.unit() + " | "
                + (Double.isNaN(r.ratio()) ? "" : String.format(Locale.ROOT, "%.2f", r.ratio())) + " | " + r.goal()
                + " | " + status + " | " + r.note() + " |";
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    Path write(Path directory, Map<String, Object> machine, String startedAt) throws IOException {
        Files.createDirectories(directory);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("startedAt", startedAt);
        document.put("machine", machine);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("stage", r.stage());
            row.put("what", r.what());
            row.put("value", Double.isNaN(r.value()) ? null : r.value());
            row.put("unit", r.unit());
            row.put("ratio", Double.isNaN(r.ratio()) ? null : r.ratio());
            row.put("goal", r.goal());
            row.put("met", r.met());
            row.put("note", r.note());
            rows.add(row);
        }
        document.put("results", rows);
        document.putAll(extra);
        Path file = directory.resolve("bench-" + startedAt.replace(":", "").replace("-", "") + ".json");
        Http.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        Files.writeString(directory.resolve(file.getFileName().toString().replace(".json", ".md")), markdown());
        return file;
    }
}
