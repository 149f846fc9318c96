package io.aimsledger.verifier;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the verifier found, line by line, in words an auditor can put in a working paper; and, for
 * {@code --json}, the same findings with the figures checked, for a machine.
 */
final class Report {

    /** One finding: {@code OK}, {@code FAIL} or {@code NOTE}, and what it says. */
    record Finding(String status, String text) {
    }

    private final PrintStream out;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private String firstFailure;

    /** @param out where each finding is printed as it is found; null to print nothing (for {@code --json}) */
    Report(PrintStream out) {
        this.out = out;
    }

    void holds(String what) {
        add("OK", what);
    }

    void fails(String what) {
        add("FAIL", what);
        if (firstFailure == null) {
            firstFailure = what;
        }
    }

    void note(String what) {
        add("NOTE", what);
    }

    void check(boolean holds, String ifHolds, String ifNot) {
        if (holds) {
            holds(ifHolds);
        } else {
            fails(ifNot);
        }
    }

    /** A figure the verification established (entries checked, tree size, key id, entities derived). */
    void figure(String name, Object value) {
        figures.put(name, value);
    }

    boolean passed() {
        return firstFailure == null;
    }

    String firstFailure() {
        return firstFailure;
    }

    /** {@code {result, firstFailure, <figures>, findings: [{status, text}]}}. */
    Map<String, Object> asJson(String export) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("export", export);
        json.put("result", passed() ? "VERIFIED" : "NOT_VERIFIED");
        json.put("firstFailure", firstFailure);
        json.putAll(figures);
        json.put("findings", findings);
        return json;
    }

    private void add(String status, String what) {
        findings.add(new Finding(status, what));
        if (out != null) {
            out.println(String.format("%-5s ", status) + what);
        }
    }
}
